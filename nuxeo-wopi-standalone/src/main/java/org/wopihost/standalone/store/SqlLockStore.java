package org.wopihost.standalone.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.wopihost.engine.FileIdCodec;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.LockInfo;

/**
 * WOPI locks in SQL, one row per file (keyed by its file id), with who took the lock and when. Each
 * step is one statement or one transaction, with the comparison in the WHERE clause, so it is atomic
 * across threads and, on PostgreSQL, across nodes. Expired rows count as absent and are replaced by
 * the next lock.
 * <p>
 * Lock changes are {@linkplain Database#volatileTransaction volatile}: a crash may undo the last
 * half second of them. WOPI clients live with a lost lock (their next RefreshLock or PutFile gets
 * 409 and they lock again, as after an expiry), and saves, which are durable, never depend on one:
 * a save checks the lock under its file's row lock, and its own flush writes the lock with it.
 * <p>
 * What nodes sharing a database use; the one process serving an embedded database keeps its locks
 * in memory ({@link WriteBehindLocks}) and writes them to the same table.
 */
public final class SqlLockStore implements TransactionalLocks {

    private final Database db;
    private final Clock clock;

    public SqlLockStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<LockInfo> get(FileRef file) {
        return db.read(c -> read(c, file));
    }

    /** The row, committed before the save: the save's own flush writes it with the save. */
    @Override
    public Optional<LockInfo> forSave(Connection c, FileRef file) throws SQLException {
        return read(c, file);
    }

    private Optional<LockInfo> read(Connection c, FileRef file) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT lock_id, user_id, since, expires_at FROM wopi_locks WHERE file_id = ? AND expires_at > ?")) {
            Documents.bind(ps, key(file), clock.millis());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(lockAt(rs, 1)) : Optional.empty();
            }
        }
    }

    /** The lock in the row's columns lock_id, user_id, since, expires_at, from the {@code first}. */
    static LockInfo lockAt(ResultSet rs, int first) throws SQLException {
        // Rows written before holders were recorded have none: an unknown holder, since their expiry.
        String user = rs.getString(first + 1);
        long since = rs.getLong(first + 2); // 0 when null
        long expiry = rs.getLong(first + 3);
        return new LockInfo(rs.getString(first), user == null ? "" : user,
                Instant.ofEpochMilli(since == 0 ? expiry : since), Instant.ofEpochMilli(expiry));
    }

    @Override
    public boolean create(FileRef file, LockInfo lock) {
        String key = key(file);
        try {
            return db.volatileTransaction(c -> {
                Documents.update(c, "DELETE FROM wopi_locks WHERE file_id = ? AND expires_at <= ?", key,
                        clock.millis());
                // A held lock is the common case (Office locks again what it holds): no row, no
                // exception. Only two creations racing for a free lock meet the key.
                return Documents.update(c, "INSERT INTO wopi_locks (file_id, lock_id, user_id, since, expires_at)"
                        + " SELECT CAST(? AS VARCHAR(1024)), CAST(? AS VARCHAR(1024)), CAST(? AS VARCHAR(128)),"
                        + " CAST(? AS BIGINT), CAST(? AS BIGINT)"
                        + " WHERE NOT EXISTS (SELECT 1 FROM wopi_locks WHERE file_id = ?)",
                        key, lock.lockId(), lock.userId(), lock.since().toEpochMilli(),
                        lock.expiresAt().toEpochMilli(), key) == 1;
            });
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && StoreException.isDuplicateKey(sql)) {
                return false; // someone holds it, or won the race to take it
            }
            throw e;
        }
    }

    @Override
    public boolean replace(FileRef file, String expectedLockId, LockInfo next) {
        String where = " WHERE file_id = ? AND lock_id = ? AND expires_at > ?";
        long expiry = next.expiresAt().toEpochMilli();
        // A refresh keeps who took the lock and when; a new lock id is the new holder's.
        return db.volatileTransaction(c -> next.lockId().equals(expectedLockId)
                ? Documents.update(c, "UPDATE wopi_locks SET expires_at = ?" + where,
                        expiry, key(file), expectedLockId, clock.millis()) == 1
                : Documents.update(c, "UPDATE wopi_locks SET lock_id = ?, user_id = ?, since = ?, expires_at = ?"
                        + where, next.lockId(), next.userId(), next.since().toEpochMilli(), expiry, key(file),
                        expectedLockId, clock.millis()) == 1);
    }

    @Override
    public boolean remove(FileRef file, String expectedLockId) {
        return db.volatileTransaction(c -> Documents.update(c,
                "DELETE FROM wopi_locks WHERE file_id = ? AND lock_id = ? AND expires_at > ?",
                key(file), expectedLockId, clock.millis()) == 1);
    }

    /** The row's key: the file's WOPI id, as before holders were recorded, so live locks survive an upgrade. */
    static String key(FileRef file) {
        return FileIdCodec.encode(file);
    }
}
