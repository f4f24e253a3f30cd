package org.wopihost.standalone.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.wopihost.contract.LockStoreContract;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.LockInfo;
import org.wopihost.testclient.MutableClock;

/** The embedded server's locks: the lock store contract, and what reaches the table behind them. */
class WriteBehindLocksTest {

    @TempDir
    Path folder;
    private Database db;
    private WriteBehindLocks locks;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final FileRef file = newFile();
    /** The writer's interval where a test writes by hand ({@code write()}, {@code close()}): never meanwhile. */
    private static final Duration BY_HAND = Duration.ofDays(1);

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:file:" + folder.resolve("wopi"), "sa", "");
    }

    @AfterEach
    void close() {
        if (locks != null) {
            locks.close();
        }
        db.close();
    }

    @TestFactory
    Stream<DynamicTest> contract() {
        LockStoreContract contract = new LockStoreContract(c -> locks = WriteBehindLocks.open(db, c),
                WriteBehindLocksTest::newFile, "alice", "bob");
        return contract.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), c::run));
    }

    @Test
    void eachWriteLeavesTheTableAsTheLocksAreNow() {
        locks = WriteBehindLocks.open(db, clock, BY_HAND);
        locks.create(file, lock("L1", "alice", Duration.ofMinutes(30)));
        locks.write();
        assertThat(new SqlLockStore(db, clock).get(file)).contains(lock("L1", "alice", Duration.ofMinutes(30)));

        // Several changes between two writes: the table gets the last one.
        clock.advance(Duration.ofMinutes(1));
        Instant taken = clock.instant();
        locks.replace(file, "L1", lock("L2", "bob", Duration.ofMinutes(30)));
        clock.advance(Duration.ofMinutes(1));
        locks.replace(file, "L2", lock("L2", "carol", Duration.ofMinutes(30)));
        locks.write();
        // The refresh moved the expiry only: holder and since are the new lock id's.
        assertThat(new SqlLockStore(db, clock).get(file))
                .contains(new LockInfo("L2", "bob", taken, clock.instant().plus(Duration.ofMinutes(30))));

        locks.remove(file, "L2");
        locks.write();
        assertThat(rows()).isZero();
    }

    @Test
    void locksOutliveARestart() {
        locks = WriteBehindLocks.open(db, clock, BY_HAND);
        LockInfo taken = lock("L1", "alice", Duration.ofMinutes(30));
        locks.create(file, taken);
        locks.close(); // writes what the writer had not yet written
        locks = WriteBehindLocks.open(db, clock, BY_HAND);

        assertThat(locks.get(file)).contains(taken);
        assertThat(locks.create(file, lock("L9", "bob", Duration.ofMinutes(30)))).isFalse();
        assertThat(locks.replace(file, "L1", lock("L1", "bob", Duration.ofMinutes(45)))).isTrue();
        assertThat(locks.get(file).orElseThrow().userId()).isEqualTo("alice");
    }

    @Test
    void aRestartLeavesExpiredLocksBehind() {
        locks = WriteBehindLocks.open(db, clock, BY_HAND);
        locks.create(file, lock("L1", "alice", Duration.ofMinutes(30)));
        locks.close();
        clock.advance(Duration.ofMinutes(31));
        locks = WriteBehindLocks.open(db, clock, BY_HAND);

        assertThat(locks.get(file)).isEmpty();
        assertThat(locks.create(file, lock("L2", "bob", Duration.ofMinutes(30)))).isTrue();
    }

    @Test
    void expiredLocksLeaveMemoryAndTheTable() {
        locks = WriteBehindLocks.open(db, clock, BY_HAND);
        locks.create(file, lock("L1", "alice", Duration.ofMinutes(30)));
        FileRef kept = newFile();
        locks.create(kept, lock("K1", "bob", Duration.ofMinutes(60)));
        locks.write();
        assertThat(rows()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(31));
        locks.sweep();
        locks.write();
        assertThat(rows()).isEqualTo(1);
        assertThat(locks.get(kept)).isPresent();
    }

    @Test
    void aSaveCommitsTheLockItWasMadeUnder() {
        locks = WriteBehindLocks.open(db, clock, BY_HAND);
        locks.create(file, lock("L1", "alice", Duration.ofMinutes(30)));
        Optional<LockInfo> seen = db.transaction(c -> locks.forSave(c, file));
        assertThat(seen.map(LockInfo::lockId)).contains("L1");
        assertThat(rows()).as("written with the save, before the writer runs").isEqualTo(1);
    }

    @Test
    void aSaveRolledBackLeavesTheLockToTheWriter() {
        locks = WriteBehindLocks.open(db, clock, BY_HAND);
        locks.create(file, lock("L1", "alice", Duration.ofMinutes(30)));
        assertThatThrownBy(() -> db.transaction(c -> {
            locks.forSave(c, file);
            throw new IllegalStateException("the save failed");
        })).hasMessage("the save failed");
        assertThat(rows()).isZero();

        locks.write();
        assertThat(new SqlLockStore(db, clock).get(file).map(LockInfo::lockId)).contains("L1");
    }

    /** The writer inserting the same new row as a save writes it: the save still commits, with its lock. */
    @Test
    void aSaveMeetingTheWritersInsertStillCommits() throws Exception {
        locks = WriteBehindLocks.open(db, clock, BY_HAND);
        LockInfo taken = lock("L1", "alice", Duration.ofMinutes(30));
        locks.create(file, taken);
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        // What the writer does, held open: the row inserted, not yet committed.
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> db.volatileTransaction(c -> {
            Documents.update(c, "MERGE INTO wopi_locks (file_id, lock_id, user_id, since, expires_at) KEY (file_id)"
                    + " VALUES (?, ?, ?, ?, ?)", SqlLockStore.key(file), "L1", "alice",
                    taken.since().toEpochMilli(), taken.expiresAt().toEpochMilli());
            inserted.countDown();
            try {
                commit.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return null;
        }));
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
        // The writer commits while the save writes the row: before it, or while the save waits for it.
        Optional<LockInfo> seen = db.durableTransaction(c -> {
            commit.countDown();
            return locks.forSave(c, file);
        });
        writer.get(10, TimeUnit.SECONDS);

        assertThat(seen).contains(taken);
        assertThat(new SqlLockStore(db, clock).get(file)).contains(taken);
        assertThat(rows()).isEqualTo(1);
    }

    private LockInfo lock(String id, String user, Duration ttl) {
        return new LockInfo(id, user, clock.instant(), clock.instant().plus(ttl));
    }

    private long rows() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM wopi_locks");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static FileRef newFile() {
        return new FileRef(Documents.REPOSITORY, UUID.randomUUID().toString(), FileRef.MAIN_BLOB);
    }
}
