package org.wopihost.standalone.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The standalone host's SQL database: an embedded H2 file in the data folder by default, or a
 * PostgreSQL server shared by several nodes. Owns the connection pool and the schema.
 * <p>
 * What a commit guarantees when it returns: PostgreSQL has flushed its write-ahead log (with its
 * default {@code fsync} and {@code synchronous_commit}). H2 keeps commits in memory and writes them
 * up to {@code WRITE_DELAY} (0.5 s) later, so here every write transaction ends by writing them to
 * the file (a process crash loses nothing), and a {@linkplain #durableTransaction durable} one also
 * forces the file to disk (power loss loses nothing). A {@linkplain #volatileTransaction volatile}
 * one, for what a crash may lose (WOPI locks), waits for neither.
 */
public final class Database implements AutoCloseable {

    /** Unit of work run in one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    /**
     * Attempts of a transaction the database rolls back to break a deadlock. H2 may roll back both
     * sides of one; run again at once, the two would meet again, hence a random pause before each retry.
     */
    static final int ATTEMPTS = 4;
    /** Connections per pool: to the embedded H2 database, to a database server (PostgreSQL). */
    private static final int EMBEDDED_POOL = 32;
    private static final int SERVER_POOL = 16;
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final boolean embedded;
    /** With H2: how commits reach the file, and the disk; none with PostgreSQL. */
    private final GroupFlush written;
    private final GroupFlush forced;

    private Database(HikariDataSource dataSource, boolean embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.written = embedded ? new GroupFlush("CHECKPOINT") : null;
        this.forced = embedded ? new GroupFlush("CHECKPOINT SYNC") : null;
    }

    /** Opens (and creates if needed) the database, then makes sure the schema exists. */
    public static Database open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        boolean embedded = jdbcUrl.startsWith("jdbc:h2:");
        // An embedded connection is only a session: with as many as half the requests a busy host
        // has in flight (64 in bench/run.sh), few of them queue for one (with 16, Lock/RefreshLock
        // served 13% fewer requests). A database server's connections are its processes: few per node.
        config.setMaximumPoolSize(embedded ? EMBEDDED_POOL : SERVER_POOL);
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setPoolName("wopi");
        Database db = new Database(new HikariDataSource(config), embedded);
        try {
            db.createSchema();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. Once
     * it returns, a process crash does not undo it.
     */
    public <T> T transaction(Work<T> work) {
        return run(work, written);
    }

    /** Like {@link #transaction}, and once it returns, a power loss does not undo it either: saves. */
    public <T> T durableTransaction(Work<T> work) {
        return run(work, forced);
    }

    /**
     * Like {@link #transaction}, for changes a crash may undo: committed and seen by every node when
     * it returns, on disk a moment later (H2 writes commits within its {@code WRITE_DELAY}, 0.5 s;
     * PostgreSQL's asynchronous commit flushes within 3 x {@code wal_writer_delay}, 0.6 s), without
     * waiting for it. A crash in between undoes it, never a later durable transaction: that one's
     * flush writes every commit made before it.
     */
    public <T> T volatileTransaction(Work<T> work) {
        if (embedded) {
            return run(work, null);
        }
        return run(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL synchronous_commit TO OFF");
            }
            return work.run(c);
        }, null);
    }

    /** Runs {@code work}, which only reads, in a transaction. */
    public <T> T read(Work<T> work) {
        return run(work, null);
    }

    /**
     * Runs {@code work} in a transaction, again (from the start, in a new transaction) when the database
     * rolled it back to break a deadlock or a serialization conflict: such a rollback undid everything,
     * and the next attempt usually passes. A save meeting a node that starts, or a lock change, must not
     * end in a 500 for that.
     *
     * @param flush what makes the commit reach the file or the disk, null when it does already
     */
    private <T> T run(Work<T> work, GroupFlush flush) {
        for (int attempt = 1;; attempt++) {
            try {
                return runOnce(work, flush);
            } catch (RolledBack e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debug("Transaction rolled back by the database (attempt {} of {}): {}", attempt, ATTEMPTS,
                        e.getMessage());
                try {
                    // 1 to 10 ms after the first attempt, up to 20 after the second, 40 after the third
                    Thread.sleep(ThreadLocalRandom.current().nextLong(1, 1 + (5L << attempt)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private <T> T runOnce(Work<T> work, GroupFlush flush) {
        try (Connection c = dataSource.getConnection()) {
            T result;
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                Optional<SQLException> rolledBack = rolledBackByDatabase(e);
                if (rolledBack.isPresent()) {
                    throw new RolledBack(rolledBack.get());
                }
                throw e;
            }
            // Committed: from here on a failure is reported, never retried.
            if (flush != null) {
                flush.afterCommit(c);
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The database's own rollback of the transaction, if that is what {@code e} is: SQLState class 40,
     * PostgreSQL's deadlock (40P01) and serialization failure (40001), H2's deadlock (40001). A lock
     * wait that timed out is not one: retrying would wait again.
     */
    static Optional<SQLException> rolledBackByDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /** A transaction the database rolled back before it committed: nothing of it remains. */
    private static final class RolledBack extends StoreException {
        private static final long serialVersionUID = 1L;

        RolledBack(SQLException cause) {
            super(cause);
        }
    }

    private void createSchema() {
        String script;
        try (InputStream in = Database.class.getResourceAsStream("schema.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        transaction(c -> {
            try (Statement s = c.createStatement()) {
                for (String sql : script.split(";")) {
                    String statement = sql.lines().filter(l -> !l.trim().startsWith("--"))
                            .reduce("", (a, b) -> a + "\n" + b).trim();
                    if (!statement.isEmpty() && !addsExistingColumn(c, statement)) {
                        s.execute(statement);
                    }
                }
            }
            return null;
        });
    }

    private static final Pattern ADD_COLUMN = Pattern.compile(
            "ALTER TABLE (\\w+) ADD COLUMN IF NOT EXISTS (\\w+) .*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /**
     * Whether {@code statement} adds a column the table has already. PostgreSQL's ALTER TABLE takes
     * the table's exclusive lock even then: a node starting while another one saves would deadlock
     * with its saves.
     */
    private static boolean addsExistingColumn(Connection c, String statement) throws SQLException {
        Matcher m = ADD_COLUMN.matcher(statement);
        if (!m.matches()) {
            return false;
        }
        DatabaseMetaData meta = c.getMetaData();
        // Unquoted names as the database keeps them: H2 in upper case, PostgreSQL in lower case.
        Locale root = Locale.ROOT;
        String table = meta.storesUpperCaseIdentifiers() ? m.group(1).toUpperCase(root) : m.group(1).toLowerCase(root);
        String column = meta.storesUpperCaseIdentifiers() ? m.group(2).toUpperCase(root) : m.group(2).toLowerCase(root);
        try (ResultSet rs = meta.getColumns(null, null, table, column)) {
            return rs.next();
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
