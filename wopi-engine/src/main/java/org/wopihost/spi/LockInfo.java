package org.wopihost.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A WOPI lock as the store keeps it: the client's opaque lock id, who took it and when (for "being
 * edited in Office by X since T", and for the holder's own release of a stuck lock), and until when it
 * holds unless refreshed.
 *
 * @param userId the user whose request took the lock (a co-editor sharing the lock id does not change it)
 * @param since  when that user took it
 */
public record LockInfo(String lockId, String userId, Instant since, Instant expiresAt) {
    public LockInfo {
        Objects.requireNonNull(lockId, "lockId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The same lock, held until {@code expiry}. */
    public LockInfo extendedTo(Instant expiry) {
        return new LockInfo(lockId, userId, since, expiry);
    }
}
