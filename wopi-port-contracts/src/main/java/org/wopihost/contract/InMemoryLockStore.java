package org.wopihost.contract;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.wopihost.spi.FileRef;
import org.wopihost.spi.LockInfo;
import org.wopihost.spi.LockStore;

/** A {@link LockStore} in a map, for the engine's tests; it passes {@link LockStoreContract}. */
public final class InMemoryLockStore implements LockStore {

    private final Map<FileRef, LockInfo> locks = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryLockStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<LockInfo> get(FileRef file) {
        return Optional.ofNullable(locks.get(file)).filter(this::live);
    }

    @Override
    public boolean create(FileRef file, LockInfo lock) {
        boolean[] created = {false};
        locks.compute(file, (f, current) -> {
            if (current != null && live(current)) {
                return current;
            }
            created[0] = true;
            return lock;
        });
        return created[0];
    }

    @Override
    public boolean replace(FileRef file, String expectedLockId, LockInfo next) {
        boolean[] replaced = {false};
        locks.computeIfPresent(file, (f, current) -> {
            if (!live(current) || !current.lockId().equals(expectedLockId)) {
                return current;
            }
            replaced[0] = true;
            return next.lockId().equals(expectedLockId) ? current.extendedTo(next.expiresAt()) : next;
        });
        return replaced[0];
    }

    @Override
    public boolean remove(FileRef file, String expectedLockId) {
        LockInfo current = locks.get(file);
        return current != null && live(current) && current.lockId().equals(expectedLockId)
                && locks.remove(file, current);
    }

    private boolean live(LockInfo lock) {
        return lock.expiresAt().isAfter(clock.instant());
    }
}
