package org.wopihost.standalone.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL server .ci/postgres-start started, as its environment names it; tests that need it are
 * {@code @EnabledIfEnvironmentVariable(named = "WOPI_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.*")}.
 */
public final class TestPostgres {

    private TestPostgres() {
    }

    public static String user() {
        return System.getenv("WOPI_TEST_POSTGRES_USER");
    }

    public static String password() {
        return System.getenv("WOPI_TEST_POSTGRES_PASSWORD");
    }

    /** A connection as the test user to {@code url}. */
    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, user(), password());
    }

    /** Creates a database of its own for a test ({@code prefix} and a random suffix) and returns its URL. */
    public static String newDatabase(String prefix) throws SQLException {
        String adminUrl = System.getenv("WOPI_TEST_POSTGRES_URL");
        String database = prefix + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = connect(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
    }
}
