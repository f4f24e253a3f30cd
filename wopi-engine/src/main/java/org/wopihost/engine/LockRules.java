package org.wopihost.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.wopihost.config.WopiSettings;
import org.wopihost.spi.LockStore;
import org.wopihost.spi.WriteCondition;
import org.wopihost.spi.WriteRefusedException;

/**
 * The WOPI lock semantics, built from the store's atomic compare-and-set steps so that two
 * clients racing for one file can never both win. A lock belongs to no user: whoever holds a
 * valid token for the file and the lock id may refresh, replace or release it.
 */
final class LockRules {

    /** Lock ids are opaque strings of up to 1024 characters (SupportsExtendedLockLength). */
    static final int MAX_LOCK_LENGTH = 1024;
    /** A compare-and-set loses only to a concurrent change; a few retries settle any real race. */
    private static final int ATTEMPTS = 8;

    private final LockStore store;
    private final Clock clock;

    LockRules(LockStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The lock id a request names in {@code header}: 400 when it is missing, empty or too long. */
    static String requireLockId(WopiRequest request, String header) throws WopiException {
        String lock = request.header(header).orElse("");
        if (lock.isEmpty()) {
            throw WopiException.badRequest(header + " is missing or empty");
        }
        if (lock.length() > MAX_LOCK_LENGTH) {
            throw WopiException.badRequest(header + " is longer than " + MAX_LOCK_LENGTH + " characters");
        }
        return lock;
    }

    Optional<String> current(String fileId) {
        return store.get(fileId);
    }

    /** Lock: takes a free lock, refreshes our own, refuses another's. */
    void lock(String fileId, String lockId) throws WopiException {
        for (int i = 0; i < ATTEMPTS; i++) {
            if (store.create(fileId, lockId, expiry())) {
                return;
            }
            Optional<String> current = store.get(fileId);
            if (current.isEmpty()) {
                continue; // released or expired in between: try to take it again
            }
            if (!current.get().equals(lockId)) {
                throw WopiException.lockMismatch(current.get(), "The file is locked by another client");
            }
            if (store.replace(fileId, lockId, lockId, expiry())) {
                return;
            }
        }
        throw conflict(fileId, "The lock kept changing");
    }

    /** UnlockAndRelock: swaps {@code oldLockId} for {@code newLockId} in one step. */
    void relock(String fileId, String oldLockId, String newLockId) throws WopiException {
        if (!store.replace(fileId, oldLockId, newLockId, expiry())) {
            throw conflict(fileId, "The file is not locked with the old lock id");
        }
    }

    /** RefreshLock: restarts the 30 minutes of our own lock. */
    void refresh(String fileId, String lockId) throws WopiException {
        if (!store.replace(fileId, lockId, lockId, expiry())) {
            throw conflict(fileId, "The file is not locked with this lock id");
        }
    }

    /** Unlock: releases our own lock. */
    void unlock(String fileId, String lockId) throws WopiException {
        if (!store.remove(fileId, lockId)) {
            throw conflict(fileId, "The file is not locked with this lock id");
        }
    }

    /**
     * Checks that a write may proceed: when the file is locked, only with its lock id; when it is
     * not, only onto an empty file (how Office creates new files). Returns the lock seen.
     */
    Optional<String> checkWritable(String fileId, Optional<String> requestLock, long currentSize) throws WopiException {
        Optional<String> current = store.get(fileId);
        if (current.isPresent()) {
            if (!current.equals(requestLock)) {
                throw WopiException.lockMismatch(current.get(), "The file is locked with another lock id");
            }
        } else if (currentSize != 0) {
            throw WopiException.lockMismatch("", "The file is not locked");
        }
        return current;
    }

    /**
     * The condition a save checked with {@link #checkWritable} must still meet when its upload ends:
     * the file's lock is still what it was then (the request's lock, or none).
     */
    WriteCondition unchanged(String fileId, Optional<String> lockSeen) {
        return () -> {
            Optional<String> now = store.get(fileId);
            if (!now.equals(lockSeen)) {
                throw new WriteRefusedException(now.orElse(""), "The lock changed during the upload");
            }
        };
    }

    /** Refuses a change (rename, delete) to a file locked by anyone but the request's lock id. */
    void checkNotLockedByOther(String fileId, Optional<String> requestLock) throws WopiException {
        Optional<String> current = store.get(fileId);
        if (current.isPresent() && !current.equals(requestLock)) {
            throw WopiException.lockMismatch(current.get(), "The file is locked");
        }
    }

    private WopiException conflict(String fileId, String reason) {
        return WopiException.lockMismatch(store.get(fileId).orElse(""), reason);
    }

    private Instant expiry() {
        return clock.instant().plus(WopiSettings.LOCK_TTL);
    }
}
