package org.wopihost.nuxeo;

import org.nuxeo.runtime.kv.KeyValueStore;
import org.wopihost.spi.FileRef;

/**
 * Which files hold saves that are in no version yet (Collabora's autosaves, which update the live
 * document with Nuxeo's versioning off), so that the end of the edit session makes the version. In the
 * add-on's key/value store: every node sees it, and one session end only takes it.
 */
final class WorkingCopies {

    private static final String PREFIX = "workingcopy/";
    private static final String PENDING = "pending";
    /** A session longer than this without a save is over anyway; the live document keeps the content. */
    private static final long TTL_SECONDS = 30L * 24 * 3600;

    private final KeyValueStore store;

    WorkingCopies(KeyValueStore store) {
        this.store = store;
    }

    /** After a save: a working-copy save leaves a version to make, a version save none. */
    void saved(FileRef file, boolean newVersion) {
        store.put(key(file), newVersion ? null : PENDING, TTL_SECONDS);
    }

    /** Whether a version is to be made of the file's working copy; true for one caller only. */
    boolean take(FileRef file) {
        return store.compareAndSet(key(file), PENDING, null);
    }

    private static String key(FileRef file) {
        return PREFIX + file.repository() + "/" + file.documentId() + "/" + file.xpath();
    }
}
