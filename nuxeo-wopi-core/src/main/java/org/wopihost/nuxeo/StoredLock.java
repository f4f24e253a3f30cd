package org.wopihost.nuxeo;

import java.time.Instant;
import java.util.Optional;

/**
 * A WOPI lock as the key/value store holds it: the lock id with its expiry, {@code <epoch millis>:<lock id>}.
 * The expiry travels with the id because the stores' own TTLs are enforced lazily (SQL and MongoDB drop
 * an expired key a minute or two late): a lock whose expiry has passed is absent, whatever the store
 * still returns. Compare-and-set on the whole stored value keeps every change atomic.
 */
record StoredLock(String lockId, Instant expiresAt) {

    String encode() {
        return expiresAt.toEpochMilli() + ":" + lockId;
    }

    /** The lock a stored value holds; empty for none, or for a value not written by {@link #encode}. */
    static Optional<StoredLock> decode(String stored) {
        int colon = stored == null ? -1 : stored.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            Instant expiresAt = Instant.ofEpochMilli(Long.parseLong(stored.substring(0, colon)));
            return Optional.of(new StoredLock(stored.substring(colon + 1), expiresAt));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean liveAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
