package org.wopihost.nuxeo;

import org.nuxeo.runtime.kv.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wopihost.spi.FileRef;

/**
 * Which files hold saves that are in no version yet (Collabora's autosaves, which update the live
 * document with Nuxeo's versioning off), so that the end of the edit session makes the version. In the
 * add-on's key/value store: every node sees it, and one session end only takes it.
 */
final class WorkingCopies {

    private static final Logger LOG = LoggerFactory.getLogger(WorkingCopies.class);

    private static final String PREFIX = "workingcopy/";
    private static final String PENDING = "pending";
    /** A session longer than this without a save is over anyway; the live document keeps the content. */
    private static final long TTL_SECONDS = 30L * 24 * 3600;

    private final KeyValueStore store;

    WorkingCopies(NuxeoServices services) {
        this.store = services.keyValueStore(NuxeoLockStore.STORE_NAME);
    }

    /**
     * After a save: a working-copy save leaves a version to make, a version save none. The save is
     * made: a store failure here only costs the end-of-session version, and is logged.
     */
    void saved(FileRef file, boolean newVersion) {
        try {
            store.put(key(file), newVersion ? null : PENDING, TTL_SECONDS);
        } catch (RuntimeException e) {
            LOG.warn("Could not record whether {} holds unversioned saves: {}", file, e.toString());
        }
    }

    /** Whether a version is to be made of the file's working copy; true for one caller only. */
    boolean take(FileRef file) {
        return store.compareAndSet(key(file), PENDING, null);
    }

    private static String key(FileRef file) {
        return PREFIX + file.repository() + "/" + file.documentId() + "/" + file.xpath();
    }
}
