package org.wopihost.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.wopihost.config.WopiSettings;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.LockInfo;
import org.wopihost.spi.LockStore;
import org.wopihost.spi.WopiUser;
import org.wopihost.spi.WriteCondition;
import org.wopihost.spi.WriteRefusedException;

/**
 * The WOPI lock semantics, built from the store's atomic compare-and-set steps so that two
 * clients racing for one file can never both win. A lock belongs to no user: whoever holds a
 * valid token for the file and the lock id may refresh, replace or release it (co-editors share one
 * lock id). The store records who took it and when, for people to see, not for these rules.
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

    /** The id of the file's current lock. */
    Optional<String> current(FileRef file) {
        return store.get(file).map(LockInfo::lockId);
    }

    /**
     * Lock: refreshes our own lock, takes a free one as {@code user}, refuses another's. Our own comes
     * first: Office locks again what it holds every few minutes, and that is then one step.
     */
    void lock(FileRef file, String lockId, WopiUser user) throws WopiException {
        for (int i = 0; i < ATTEMPTS; i++) {
            LockInfo next = newLock(lockId, user);
            if (store.replace(file, lockId, next) || store.create(file, next)) {
                return;
            }
            Optional<String> current = current(file);
            if (current.isPresent() && !current.get().equals(lockId)) {
                throw WopiException.lockMismatch(current.get(), "The file is locked by another client");
            }
            // Released, expired or taken with our id in between: try again.
        }
        throw conflict(file, "The lock kept changing");
    }

    /** UnlockAndRelock: swaps {@code oldLockId} for {@code newLockId}, now held by {@code user}, in one step. */
    void relock(FileRef file, String oldLockId, String newLockId, WopiUser user) throws WopiException {
        if (!store.replace(file, oldLockId, newLock(newLockId, user))) {
            throw conflict(file, "The file is not locked with the old lock id");
        }
    }

    /** RefreshLock: restarts the 30 minutes of our own lock (its holder stays whoever took it). */
    void refresh(FileRef file, String lockId, WopiUser user) throws WopiException {
        if (!store.replace(file, lockId, newLock(lockId, user))) {
            throw conflict(file, "The file is not locked with this lock id");
        }
    }

    /** Unlock: releases our own lock. */
    void unlock(FileRef file, String lockId) throws WopiException {
        if (!store.remove(file, lockId)) {
            throw conflict(file, "The file is not locked with this lock id");
        }
    }

    /**
     * Checks that a write may proceed: when the file is locked, only with its lock id; when it is
     * not, only onto an empty file (how Office creates new files). Returns the lock seen.
     */
    Optional<String> checkWritable(FileRef file, Optional<String> requestLock, long currentSize) throws WopiException {
        Optional<String> current = current(file);
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
     * the file's lock, as the store reads it in the write's transaction, is still what it was then (the
     * request's lock, or none).
     */
    static WriteCondition unchanged(Optional<String> lockSeen) {
        return lockNow -> {
            Optional<String> now = lockNow.map(LockInfo::lockId);
            if (!now.equals(lockSeen)) {
                throw new WriteRefusedException(now.orElse(""), "The lock changed during the upload");
            }
        };
    }

    /** Refuses a change (rename, delete) to a file locked by anyone but the request's lock id. */
    void checkNotLockedByOther(FileRef file, Optional<String> requestLock) throws WopiException {
        Optional<String> current = current(file);
        if (current.isPresent() && !current.equals(requestLock)) {
            throw WopiException.lockMismatch(current.get(), "The file is locked");
        }
    }

    private WopiException conflict(FileRef file, String reason) {
        return WopiException.lockMismatch(current(file).orElse(""), reason);
    }

    /** A lock taken now by {@code user}, for the WOPI lock's 30 minutes. */
    private LockInfo newLock(String lockId, WopiUser user) {
        Instant now = clock.instant();
        return new LockInfo(lockId, user.id(), now, now.plus(WopiSettings.LOCK_TTL));
    }
}
