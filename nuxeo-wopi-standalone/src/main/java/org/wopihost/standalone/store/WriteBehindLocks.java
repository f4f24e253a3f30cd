package org.wopihost.standalone.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.LockInfo;

/**
 * The locks of the one process that serves an embedded database: held in memory, where each
 * compare-and-set is one atomic map update, and written behind to {@code wopi_locks} every
 * {@link #WRITE_INTERVAL}, so that they outlive a restart. A Lock or RefreshLock then costs no
 * database transaction: with one, a third of a Lock's CPU time went to H2 (README, Benchmark).
 * <p>
 * What a crash may lose is what {@link SqlLockStore}'s volatile transactions could lose, over a
 * slightly longer moment: the last second of lock changes, after which a WOPI client gets 409 and
 * locks again, as after an expiry. A save reads the lock here, inside its own transaction, and
 * writes it in that transaction: the lock a save was made under is as durable as the save. Nodes
 * that share a database must compare in SQL ({@link SqlLockStore}); on the embedded one,
 * {@code ProcessLock} makes this process the only one.
 */
public final class WriteBehindLocks implements TransactionalLocks {

    /** How long a lock change may wait before it is written: H2's own WRITE_DELAY. */
    static final Duration WRITE_INTERVAL = Duration.ofMillis(500);
    /** How often expired locks leave memory and the table. */
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(WriteBehindLocks.class);

    private final Database db;
    private final Clock clock;
    private final Map<FileRef, LockInfo> locks = new ConcurrentHashMap<>();
    /** Files whose lock changed since it was last written. */
    private final Set<FileRef> unwritten = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(
            BackgroundThreads.named("wopi-lock-writer"));

    private WriteBehindLocks(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Loads the unexpired locks from {@code db} and starts writing changes back to it. */
    public static WriteBehindLocks open(Database db, Clock clock) {
        return open(db, clock, WRITE_INTERVAL);
    }

    /** With another write interval: tests that write when they choose. */
    static WriteBehindLocks open(Database db, Clock clock, Duration writeInterval) {
        WriteBehindLocks store = new WriteBehindLocks(db, clock);
        store.load();
        long write = writeInterval.toMillis();
        store.writer.scheduleWithFixedDelay(store::writeQuietly, write, write, TimeUnit.MILLISECONDS);
        long sweep = SWEEP_INTERVAL.toMillis();
        store.writer.scheduleWithFixedDelay(store::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
        return store;
    }

    @Override
    public Optional<LockInfo> get(FileRef file) {
        return Optional.ofNullable(live(locks.get(file)));
    }

    /**
     * The lock in memory, written on {@code c} too: the save's flush writes the lock the save was
     * checked against with the save. The file is then marked for the writer, whose next write (after
     * this transaction, whose row lock it waits for) leaves the row as the lock is then, also when the
     * save rolls back or the lock changed meanwhile. When the writer is inserting the same new row,
     * H2 runs the MERGE again until the writer commits (WriteBehindLocksTest).
     */
    @Override
    public Optional<LockInfo> forSave(Connection c, FileRef file) throws SQLException {
        LockInfo lock = live(locks.get(file));
        writeOn(c, file, lock);
        unwritten.add(file);
        return Optional.ofNullable(lock);
    }

    @Override
    public boolean create(FileRef file, LockInfo lock) {
        return update(file, live -> live == null ? lock : live);
    }

    @Override
    public boolean replace(FileRef file, String expectedLockId, LockInfo next) {
        return update(file, live -> {
            if (live == null || !live.lockId().equals(expectedLockId)) {
                return live;
            }
            // A refresh keeps who took the lock and when; a new lock id is the new holder's.
            return next.lockId().equals(expectedLockId)
                    ? new LockInfo(live.lockId(), live.userId(), live.since(), next.expiresAt())
                    : next;
        });
    }

    @Override
    public boolean remove(FileRef file, String expectedLockId) {
        return update(file, live -> live != null && live.lockId().equals(expectedLockId) ? null : live);
    }

    /**
     * One compare-and-set: {@code step} gets the file's unexpired lock (null when none) and returns
     * it unchanged, or what replaces it (null: no lock). Whether it changed anything.
     */
    private boolean update(FileRef file, UnaryOperator<LockInfo> step) {
        boolean[] changed = {false};
        locks.compute(file, (f, stored) -> {
            LockInfo live = live(stored);
            LockInfo next = step.apply(live);
            changed[0] = next != live;
            return changed[0] ? next : stored;
        });
        if (changed[0]) {
            unwritten.add(file); // after the change: the writer reads the lock once it takes the file
        }
        return changed[0];
    }

    private LockInfo live(LockInfo lock) {
        return lock != null && lock.expiresAt().toEpochMilli() > clock.millis() ? lock : null;
    }

    /**
     * Writes the locks changed since the last write, in one transaction (a few dozen rows at most
     * every half second under load); on failure, keeps them for the next.
     */
    void write() {
        List<FileRef> files = new ArrayList<>();
        for (Iterator<FileRef> it = unwritten.iterator(); it.hasNext();) {
            files.add(it.next());
            it.remove();
        }
        if (files.isEmpty()) {
            return;
        }
        try {
            db.volatileTransaction(c -> {
                for (FileRef file : files) {
                    writeOn(c, file, locks.get(file)); // as it is now, however often it changed since
                }
                return null;
            });
        } catch (RuntimeException e) {
            unwritten.addAll(files);
            throw e;
        }
    }

    /** Makes the file's row {@code lock}, or removes it for null. */
    private static void writeOn(Connection c, FileRef file, LockInfo lock) throws SQLException {
        String key = SqlLockStore.key(file);
        if (lock == null) {
            Documents.update(c, "DELETE FROM wopi_locks WHERE file_id = ?", key);
        } else {
            Documents.update(c, "MERGE INTO wopi_locks (file_id, lock_id, user_id, since, expires_at) KEY (file_id)"
                    + " VALUES (?, ?, ?, ?, ?)", key, lock.lockId(), lock.userId(), lock.since().toEpochMilli(),
                    lock.expiresAt().toEpochMilli());
        }
    }

    private void writeQuietly() {
        try {
            write();
        } catch (RuntimeException e) {
            LOG.warn("Could not write {} lock changes to the database, trying again: {}", unwritten.size(),
                    e.toString());
        }
    }

    /** Forgets expired locks; their rows go with the next write. */
    void sweep() {
        locks.forEach((file, lock) -> {
            if (live(lock) == null && locks.remove(file, lock)) {
                unwritten.add(file);
            }
        });
    }

    private void load() {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT file_id, lock_id, user_id, since, expires_at FROM wopi_locks WHERE expires_at > ?")) {
                Documents.bind(ps, clock.millis());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Optional<FileRef> file = FileIdCodec.decode(rs.getString(1));
                        if (file.isPresent()) {
                            locks.put(file.get(), SqlLockStore.lockAt(rs, 2));
                        }
                    }
                }
            }
            return null;
        });
    }

    /** Stops the writer, then writes what changed since it last ran. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("The lock writer did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        write();
    }
}
