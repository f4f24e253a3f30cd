package org.wopihost.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: WOPI locks, keyed by file id. Every method is atomic, also across the nodes of a cluster;
 * the engine builds the WOPI lock rules from these compare-and-set steps. A lock whose expiry
 * has passed is treated as absent by every method.
 */
public interface LockStore {

    /** The current, unexpired lock id on the file. */
    Optional<String> get(String fileId);

    /** Sets {@code lockId} when the file has no unexpired lock; false when it has one. */
    boolean create(String fileId, String lockId, Instant expiresAt);

    /**
     * Replaces the lock with {@code newLockId} (which may equal {@code expectedLockId}, to extend
     * it) when the current unexpired lock is exactly {@code expectedLockId}; false otherwise.
     */
    boolean replace(String fileId, String expectedLockId, String newLockId, Instant expiresAt);

    /** Removes the lock when it is exactly {@code expectedLockId}; false otherwise. */
    boolean remove(String fileId, String expectedLockId);
}
