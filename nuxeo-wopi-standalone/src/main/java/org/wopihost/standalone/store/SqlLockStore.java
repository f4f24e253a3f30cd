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
            return db.transaction(c -> {
                Documents.update(c, "DELETE FROM wopi_locks WHERE file_id = ? AND expires_at <= ?", fileId, clock.millis());
                return Documents.update(c, "INSERT INTO wopi_locks (file_id, lock_id, expires_at) VALUES (?, ?, ?)",
                        fileId, lockId, expiresAt.toEpochMilli()) == 1;
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
        return db.transaction(c -> Documents.update(c, "UPDATE wopi_locks SET lock_id = ?, expires_at = ?"
                + " WHERE file_id = ? AND lock_id = ? AND expires_at > ?",
                newLockId, expiresAt.toEpochMilli(), fileId, expectedLockId, clock.millis()) == 1);
    }

    @Override
    public boolean remove(String fileId, String expectedLockId) {
        return db.transaction(c -> Documents.update(c,
                "DELETE FROM wopi_locks WHERE file_id = ? AND lock_id = ? AND expires_at > ?",
                fileId, expectedLockId, clock.millis()) == 1);
    }
}
