package org.wopihost.nuxeo;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.wopihost.spi.LockInfo;

/**
 * A WOPI lock as the key/value store holds it: {@code <expiry millis>;<since millis>;<holder>:<lock id>}
 * (the holder URL-encoded, so it holds neither {@code ;} nor {@code :}; the lock id last, as it may hold
 * anything). A value of an earlier version, {@code <expiry millis>:<lock id>}, still reads, with an
 * unknown holder. The expiry travels with the id because the stores' own TTLs are enforced lazily (SQL
 * and MongoDB drop an expired key a minute or two late): a lock whose expiry has passed is absent,
 * whatever the store still returns. Compare-and-set on the whole stored value keeps every change atomic.
 */
final class StoredLock {

    private StoredLock() {
    }

    static String encode(LockInfo lock) {
        return lock.expiresAt().toEpochMilli() + ";" + lock.since().toEpochMilli() + ";"
                + URLEncoder.encode(lock.userId(), StandardCharsets.UTF_8) + ":" + lock.lockId();
    }

    /** The lock a stored value holds; empty for none, or for a value not written by {@link #encode}. */
    static Optional<LockInfo> decode(String stored) {
        int colon = stored == null ? -1 : stored.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String[] head = stored.substring(0, colon).split(";", -1);
        String lockId = stored.substring(colon + 1);
        try {
            Instant expiresAt = Instant.ofEpochMilli(Long.parseLong(head[0]));
            if (head.length == 1) {
                return Optional.of(new LockInfo(lockId, "", expiresAt, expiresAt));
            }
            if (head.length != 3) {
                return Optional.empty();
            }
            Instant since = Instant.ofEpochMilli(Long.parseLong(head[1]));
            return Optional.of(new LockInfo(lockId, URLDecoder.decode(head[2], StandardCharsets.UTF_8), since,
                    expiresAt));
        } catch (IllegalArgumentException e) { // NumberFormatException, or a malformed %-escape
            return Optional.empty();
        }
    }
}
