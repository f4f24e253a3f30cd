package org.wopihost.standalone.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.wopihost.spi.FileRef;
import org.wopihost.spi.LockInfo;
import org.wopihost.spi.LockStore;

/** A lock store whose locks a save reads inside its own transaction, for its write condition. */
public interface TransactionalLocks extends LockStore, AutoCloseable {

    /**
     * The file's unexpired lock, for the write condition of a save in the transaction on {@code c}.
     * Once that save commits, the lock is in the database as durably as the save: after a crash, the
     * client that saved may save again under the same lock.
     */
    Optional<LockInfo> forSave(Connection c, FileRef file) throws SQLException;

    /** Writes what the store holds that the database does not have yet, before the database closes. */
    @Override
    default void close() {
    }
}
