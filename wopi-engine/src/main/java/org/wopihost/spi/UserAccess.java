package org.wopihost.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * A request's user and what they may do with its file ({@link Permissions#access(Users, String, FileRef)}):
 * empty access when the user may not see the file, or it does not exist.
 */
public record UserAccess(WopiUser user, Optional<FileAccess> access) {
    public UserAccess {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(access, "access");
    }
}
