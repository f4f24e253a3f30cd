package org.wopihost.spi;

import java.time.Instant;

/**
 * What the engine needs to know of a stored blob.
 *
 * @param fileName     the blob's file name, with its extension
 * @param size         its size in bytes
 * @param version      an opaque string that changes whenever the content changes
 * @param lastModified when the content last changed
 * @param ownerId      the id of the user who owns (created) the document
 * @param documentTitle the title of the document holding the blob
 * @param containerName the name of the folder holding the document, for the breadcrumb; may be null
 */
public record FileInfo(FileRef ref, String fileName, long size, String version, Instant lastModified,
        String ownerId, String documentTitle, String containerName) {
}
