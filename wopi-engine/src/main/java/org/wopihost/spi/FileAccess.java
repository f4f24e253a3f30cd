package org.wopihost.spi;

import java.util.Objects;

/**
 * A request's file as one lookup of the platform found it: what the user may do with it by the
 * document's ACL, and the file's metadata, read together (one transaction, one document load).
 */
public record FileAccess(Permission permission, FileInfo info) {
    public FileAccess {
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(info, "info");
    }
}
