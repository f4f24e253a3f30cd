package org.wopihost.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import org.wopihost.spi.FileRef;
import org.wopihost.spi.LockInfo;
import org.wopihost.spi.LockStore;
import org.wopihost.testclient.MutableClock;

/**
 * What every {@link LockStore} does, whatever keeps the locks: compare-and-set steps keyed by file,
 * the holder and since recorded (a refresh keeps them, a new lock id replaces them), expired locks
 * absent to every method, one winner when clients race for a free file.
 */
public final class LockStoreContract {

    private static final Duration TTL = Duration.ofMinutes(30);
    private static final int RACERS = 8;

    private final MutableClock clock = new MutableClock();
    private final LockStore store;
    private final Supplier<FileRef> freshFile;
    private final String holder;
    private final String other;

    /**
     * @param storeAt   the store under test, on the clock given (the contract moves it to expire locks)
     * @param freshFile a file no lock was ever taken on (the platform may need it to exist)
     * @param holder    a user id the platform knows
     * @param other     another user id the platform knows
     */
    public LockStoreContract(Function<Clock, LockStore> storeAt, Supplier<FileRef> freshFile, String holder,
            String other) {
        this.store = storeAt.apply(clock);
        this.freshFile = freshFile;
        this.holder = holder;
        this.other = other;
    }

    public List<ContractCase> cases() {
        return List.of(
                new ContractCase("a file is unlocked until a lock is created, then holds it with its holder",
                        this::createdLockIsReadBack),
                new ContractCase("create is refused while another lock holds", this::createRefusedWhileLocked),
                new ContractCase("replace and remove compare the exact lock id", this::exactLockIdCompared),
                new ContractCase("a refresh keeps the holder and since, a new lock id is its new holder's",
                        this::refreshKeepsHolderRelockChangesIt),
                new ContractCase("an expired lock is absent to every method", this::expiredLockIsAbsent),
                new ContractCase("locks are per file", this::locksArePerFile),
                new ContractCase("any lock id up to 1024 characters survives", this::anyLockIdSurvives),
                new ContractCase("of clients racing to lock a free file, exactly one wins", this::oneRacerWins));
    }

    private LockInfo lock(String lockId, String userId) {
        Instant now = clock.instant();
        return new LockInfo(lockId, userId, now, now.plus(TTL));
    }

    /** The stored lock as the contract compares it: to the millisecond, as every store keeps time. */
    private Optional<LockInfo> stored(FileRef file) {
        return store.get(file).map(LockStoreContract::inMillis);
    }

    private static LockInfo inMillis(LockInfo l) {
        return new LockInfo(l.lockId(), l.userId(), millis(l.since()), millis(l.expiresAt()));
    }

    private static Instant millis(Instant t) {
        return Instant.ofEpochMilli(t.toEpochMilli());
    }

    private void createdLockIsReadBack() {
        FileRef file = freshFile.get();
        assertThat(store.get(file)).isEmpty();
        LockInfo taken = lock("L1", holder);
        assertThat(store.create(file, taken)).isTrue();
        assertThat(stored(file)).contains(inMillis(taken));
    }

    private void createRefusedWhileLocked() {
        FileRef file = freshFile.get();
        LockInfo taken = lock("L1", holder);
        assertThat(store.create(file, taken)).isTrue();
        assertThat(store.create(file, lock("L2", other))).isFalse();
        assertThat(store.create(file, lock("L1", holder))).as("even with the same id: that is a refresh").isFalse();
        assertThat(stored(file)).contains(inMillis(taken));
    }

    private void exactLockIdCompared() {
        FileRef file = freshFile.get();
        assertThat(store.create(file, lock("L1", holder))).isTrue();
        assertThat(store.replace(file, "l1", lock("L2", holder))).isFalse();
        assertThat(store.remove(file, "l1")).isFalse();
        assertThat(store.remove(file, "L1 ")).isFalse();
        assertThat(store.get(file).map(LockInfo::lockId)).contains("L1");
        assertThat(store.replace(file, "L1", lock("L2", holder))).isTrue();
        assertThat(store.remove(file, "L1")).isFalse();
        assertThat(store.remove(file, "L2")).isTrue();
        assertThat(store.get(file)).isEmpty();
        assertThat(store.remove(file, "L2")).as("removed already").isFalse();
        assertThat(store.replace(file, "L2", lock("L3", holder))).as("nothing to replace").isFalse();
    }

    private void refreshKeepsHolderRelockChangesIt() {
        FileRef file = freshFile.get();
        LockInfo taken = lock("L1", holder);
        assertThat(store.create(file, taken)).isTrue();
        clock.advance(Duration.ofMinutes(20));
        LockInfo refresh = lock("L1", other);
        assertThat(store.replace(file, "L1", refresh)).isTrue();
        assertThat(stored(file)).contains(inMillis(taken.extendedTo(refresh.expiresAt())));
        clock.advance(Duration.ofMinutes(20));
        assertThat(store.get(file)).as("the refresh moved the expiry").isPresent();
        LockInfo relock = lock("L2", other);
        assertThat(store.replace(file, "L1", relock)).isTrue();
        assertThat(stored(file)).contains(inMillis(relock));
    }

    private void expiredLockIsAbsent() {
        FileRef file = freshFile.get();
        LockInfo taken = lock("L1", holder);
        assertThat(store.create(file, taken)).isTrue();
        clock.set(taken.expiresAt().minusMillis(1));
        assertThat(store.get(file)).isPresent();
        clock.set(taken.expiresAt());
        assertThat(store.get(file)).isEmpty();
        assertThat(store.replace(file, "L1", lock("L1", holder))).isFalse();
        assertThat(store.remove(file, "L1")).isFalse();
        LockInfo next = lock("L2", other);
        assertThat(store.create(file, next)).as("an expired lock is replaced by the next").isTrue();
        assertThat(stored(file)).contains(inMillis(next));
    }

    private void locksArePerFile() {
        FileRef a = freshFile.get();
        FileRef b = freshFile.get();
        assertThat(store.create(a, lock("LA", holder))).isTrue();
        assertThat(store.get(b)).isEmpty();
        assertThat(store.create(b, lock("LB", other))).isTrue();
        assertThat(store.remove(a, "LA")).isTrue();
        assertThat(store.get(b).map(LockInfo::lockId)).contains("LB");
    }

    private void anyLockIdSurvives() {
        for (String id : List.of("{\"S\":\"a:b;c\",\"F\":4}", "x".repeat(1024), "ünï ⚡ ", "%41;%3A")) {
            FileRef file = freshFile.get();
            assertThat(store.create(file, lock(id, holder))).isTrue();
            assertThat(store.get(file).map(LockInfo::lockId)).contains(id);
            assertThat(store.remove(file, id)).isTrue();
        }
    }

    private void oneRacerWins() throws Exception {
        FileRef file = freshFile.get();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                LockInfo mine = lock("racer-" + i, i % 2 == 0 ? holder : other);
                racers.add(pool.submit(() -> {
                    start.await();
                    return store.create(file, mine);
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> racer : racers) {
                won += racer.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
            assertThat(store.get(file)).isPresent();
        } finally {
            pool.shutdownNow();
        }
    }
}
