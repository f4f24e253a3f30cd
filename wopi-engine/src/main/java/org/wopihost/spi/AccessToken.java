package org.wopihost.spi;

import java.time.Instant;
import java.util.Objects;

/** A verified access token: one user, one file id, one permission, until an expiry. */
public record AccessToken(String userId, String fileId, Permission permission, Instant expiresAt) {
    public AccessToken {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
