package org.wopihost.spi;

import java.util.Optional;

/**
 * Port: WOPI locks, keyed by the file they lock. Every method is atomic, also across the nodes of a
 * cluster; the engine builds the WOPI lock rules from these compare-and-set steps. A lock whose expiry
 * has passed is treated as absent by every method.
 */
public interface LockStore {

    /** The current, unexpired lock on the file. */
    Optional<LockInfo> get(FileRef file);

    /** Sets {@code lock} when the file has no unexpired lock; false when it has one. */
    boolean create(FileRef file, LockInfo lock);

    /**
     * Replaces the lock with {@code next} when the current unexpired lock id is exactly
     * {@code expectedLockId}; false otherwise. When {@code next} keeps that lock id (a refresh), the
     * store keeps the holder and {@code since} it has and only moves the expiry.
     */
    boolean replace(FileRef file, String expectedLockId, LockInfo next);

    /**
     * Removes the lock when it is exactly {@code expectedLockId}; false otherwise. Also how a stuck lock
     * is released without the client's help: with the id {@link #get} read, so a lock taken since stays.
     */
    boolean remove(FileRef file, String expectedLockId);
}
