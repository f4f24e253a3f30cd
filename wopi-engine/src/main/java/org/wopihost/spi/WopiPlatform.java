package org.wopihost.spi;

import java.util.Objects;

/** Everything a platform hands to the engine. */
public record WopiPlatform(AccessTokens tokens, Users users, Permissions permissions, Files files, LockStore locks) {
    public WopiPlatform {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(locks, "locks");
    }
}
