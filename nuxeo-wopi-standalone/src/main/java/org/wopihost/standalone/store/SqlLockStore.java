package org.wopihost.standalone.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.wopihost.spi.LockStore;

/**
 * WOPI locks in SQL. Each step is one statement or one transaction, with the comparison in the
 * WHERE clause, so it is atomic across threads and, on PostgreSQL, across nodes. Expired rows
 * count as absent and are replaced by the next lock.
 * <p>
 * Lock changes are {@linkplain Database#volatileTransaction volatile}: a crash may undo the last
 * half second of them. WOPI clients live with a lost lock (their next RefreshLock or PutFile gets
 * 409 and they lock again, as after an expiry), and saves, which are durable, never depend on one:
 * a save checks the lock under its file's row lock, and its own flush writes the lock with it.
 */
public final class SqlLockStore implements LockStore {

    private final Database db;
    private final Clock clock;

    public SqlLockStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<String> get(String fileId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT lock_id FROM wopi_locks WHERE file_id = ? AND expires_at > ?")) {
                Documents.bind(ps, fileId, clock.millis());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public boolean create(String fileId, String lockId, Instant expiresAt) {
        try {
            return db.volatileTransaction(c -> {
                Documents.update(c, "DELETE FROM wopi_locks WHERE file_id = ? AND expires_at <= ?", fileId, clock.millis());
                // A held lock is the common case (Office locks again what it holds): no row, no
                // exception. Only two creations racing for a free lock meet the key.
                return Documents.update(c, "INSERT INTO wopi_locks (file_id, lock_id, expires_at)"
                        + " SELECT CAST(? AS VARCHAR(1024)), CAST(? AS VARCHAR(1024)), CAST(? AS BIGINT)"
                        + " WHERE NOT EXISTS (SELECT 1 FROM wopi_locks WHERE file_id = ?)",
                        fileId, lockId, expiresAt.toEpochMilli(), fileId) == 1;
            });
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && StoreException.isDuplicateKey(sql)) {
                return false; // someone holds it, or won the race to take it
            }
            throw e;
        }
    }

    @Override
    public boolean replace(String fileId, String expectedLockId, String newLockId, Instant expiresAt) {
        return db.volatileTransaction(c -> Documents.update(c, "UPDATE wopi_locks SET lock_id = ?, expires_at = ?"
                + " WHERE file_id = ? AND lock_id = ? AND expires_at > ?",
                newLockId, expiresAt.toEpochMilli(), fileId, expectedLockId, clock.millis()) == 1);
    }

    @Override
    public boolean remove(String fileId, String expectedLockId) {
        return db.volatileTransaction(c -> Documents.update(c,
                "DELETE FROM wopi_locks WHERE file_id = ? AND lock_id = ? AND expires_at > ?",
                fileId, expectedLockId, clock.millis()) == 1);
    }
}
