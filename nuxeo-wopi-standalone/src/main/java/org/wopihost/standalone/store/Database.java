package org.wopihost.standalone.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The standalone host's SQL database: an embedded H2 file in the data folder by default, or a
 * PostgreSQL server shared by several nodes. Owns the connection pool and the schema.
 */
public final class Database implements AutoCloseable {

    /** Unit of work run in one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Opens (and creates if needed) the database, then makes sure the schema exists. */
    public static Database open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(16);
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setPoolName("wopi");
        Database db = new Database(new HikariDataSource(config));
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

    /** Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. */
    public <T> T transaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
                    if (!statement.isEmpty()) {
                        s.execute(statement);
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
