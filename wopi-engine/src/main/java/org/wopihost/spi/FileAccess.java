package org.wopihost.spi;

import java.util.Objects;

/**
 * A request's file as one lookup of the platform found it: what the user may do with it by the
 * document's ACL, the file's metadata, and whether the user may create a document beside it
 * ({@link Permissions#mayCreateSibling}: CheckFileInfo and PutRelativeFile ask), read together (one
 * transaction, one document load).
 */
public record FileAccess(Permission permission, FileInfo info, boolean mayCreateSibling) {
    public FileAccess {
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(info, "info");
    }
}
