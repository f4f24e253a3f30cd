package org.wopihost.standalone.store;

import java.sql.SQLException;

/** A database failure: the request ends in a 500, and the transaction was rolled back. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** SQLState 23505: a unique or primary key was violated, in H2 and PostgreSQL alike. */
    public static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
