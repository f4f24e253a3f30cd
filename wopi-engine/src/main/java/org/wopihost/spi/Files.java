package org.wopihost.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** Port: the platform's blob storage. Implementations stream bodies and never hold them in memory. */
public interface Files {

    /** The blob's metadata, or empty when the document or the blob does not exist. */
    Optional<FileInfo> info(FileRef file);

    /** Opens the current content for reading, or empty when the blob does not exist; the caller closes it. */
    Optional<OpenedFile> open(FileRef file) throws IOException;

    /**
     * Stores {@code content} as a new version of the blob, attributed to {@code user}. Atomic: when
     * this throws, or the process dies while it runs, the previous content is intact. The engine bounds
     * {@code content} to the host's size limit ({@link ContentTooLargeException} from its reads): let
     * its exceptions through.
     *
     * @param condition checked once the content is received, inside the transaction that makes it
     *                  current, with the file's lock as that transaction reads it; when it throws,
     *                  nothing is stored
     * @return the metadata of the new version
     */
    FileInfo write(FileRef file, InputStream content, WopiUser user, WriteCondition condition) throws IOException;

    /**
     * {@link #write} as a WOPI client described the save ({@link SaveOptions}): a new version or the
     * working copy, its co-authors credited; {@code condition} is checked with
     * {@link WriteCondition#check(java.util.Optional, FileInfo)}. When the condition refuses the save, or the store fails to
     * make it current, once the content is in, the content is kept as a new file beside {@code file}
     * named {@link SaveOptions#conflictCopyName()} (as {@link #createSibling} would make it) and the
     * exception says so: {@link WriteRefusedException#conflictCopy()}, {@link SaveFailedException}.
     * Nothing received is dropped silently.
     *
     * <p>The default is {@link #write}: every save a version, refused content not kept.
     */
    default FileInfo save(FileRef file, InputStream content, WopiUser user, WriteCondition condition,
            SaveOptions options) throws IOException {
        return write(file, content, user, condition);
    }

    /**
     * Renames the blob to {@code newFileName} (a full name, extension included; the engine has
     * validated it) and returns the new metadata.
     */
    FileInfo rename(FileRef file, String newFileName, WopiUser user) throws IOException;

    /**
     * The file named {@code fileName} next to {@code near} (same folder in Nuxeo; among the
     * documents in the standalone host), if there is one.
     */
    Optional<FileRef> findSibling(FileRef near, String fileName);

    /**
     * Creates a new document next to {@code near} holding {@code content} as its main file named
     * {@code fileName}. The engine has checked that no sibling of that name exists, or chose to
     * overwrite it with {@link #write} instead.
     *
     * @param exactName when true, the name is one the client demands (PutRelativeFile's relative
     *                  mode): if a sibling took it meanwhile, throw
     *                  {@link java.nio.file.FileAlreadyExistsException} and store nothing; when false,
     *                  create anyway rather than lose the content
     */
    FileInfo createSibling(FileRef near, String fileName, InputStream content, WopiUser user, boolean exactName)
            throws IOException;

    /** Deletes the blob: the whole document for its main file, the attachment otherwise. */
    void delete(FileRef file, WopiUser user) throws IOException;

    /**
     * The other files that {@link #delete} of {@code file} removes with it (the attachments of a
     * main file), so the engine can refuse while one of them is being edited.
     */
    List<FileRef> deletedWith(FileRef file);
}
