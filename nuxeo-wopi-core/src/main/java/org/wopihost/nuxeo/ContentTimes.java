package org.wopihost.nuxeo;

import java.time.Instant;

import org.nuxeo.ecm.core.api.Blob;
import org.nuxeo.runtime.kv.KeyValueStore;
import org.wopihost.spi.FileRef;

/**
 * When a file's content last changed, for LastModifiedTime. The document's {@code dc:modified} moves
 * with every change of the document: an edit of its metadata, a save of another of its files.
 * Collabora compares LastModifiedTime before each save and would take any of these for a change of
 * the file it edits ("document changed in storage"). So each file's time is the {@code dc:modified}
 * at which its current content (its digest) was first seen, remembered in the add-on's key/value store
 * as long as the digest stays. Without a digest, {@code dc:modified} itself.
 */
final class ContentTimes {

    private static final String PREFIX = "contenttime/";
    /** A file not read for this long is looked at afresh: at worst one needless 1010 for its next save. */
    private static final long TTL_SECONDS = 90L * 24 * 3600;

    private final KeyValueStore store;

    ContentTimes(NuxeoServices services) {
        this.store = services.keyValueStore(NuxeoLockStore.STORE_NAME);
    }

    Instant of(FileRef file, Blob blob, Instant documentModified) {
        String digest = blob.getDigest();
        if (digest == null || digest.isEmpty()) {
            return documentModified;
        }
        String key = PREFIX + file.repository() + "/" + file.documentId() + "/" + file.xpath();
        String seen = store.getString(key);
        if (seen != null) {
            int bar = seen.lastIndexOf('|');
            if (bar > 0 && seen.substring(0, bar).equals(digest)) {
                return Instant.ofEpochMilli(Long.parseLong(seen.substring(bar + 1)));
            }
        }
        store.put(key, digest + "|" + documentModified.toEpochMilli(), TTL_SECONDS);
        return documentModified;
    }
}
