package org.wopihost.standalone.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.wopihost.standalone.it.TestPostgres;

/**
 * Two transactions that lock two rows in opposite orders deadlock; the database rolls one back. That
 * one runs again and both end committed, instead of one request answering 500.
 */
class DeadlockRetryTest {

    @TempDir
    Path folder;
    private Database db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void onH2() throws Exception {
        db = Database.open("jdbc:h2:file:" + folder.resolve("wopi") + ";LOCK_TIMEOUT=10000", "sa", "");
        bothDeadlockedTransactionsCommit();
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "WOPI_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.*")
    void onPostgres() throws Exception {
        db = Database.open(TestPostgres.newDatabase("wopi_deadlock_"), TestPostgres.user(), TestPostgres.password());
        bothDeadlockedTransactionsCommit();
    }

    private void bothDeadlockedTransactionsCommit() throws Exception {
        db.transaction(c -> execute(c, "CREATE TABLE counters (id INT PRIMARY KEY, n INT)",
                "INSERT INTO counters VALUES (1, 0)", "INSERT INTO counters VALUES (2, 0)"));
        // Each holds its first row when the other asks for it: a deadlock, whichever runs first.
        CountDownLatch bothHoldOneRow = new CountDownLatch(2);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> incrementBoth(1, 2, bothHoldOneRow, attempts));
            Future<?> second = threads.submit(() -> incrementBoth(2, 1, bothHoldOneRow, attempts));
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        assertThat(db.<Integer>read(c -> count(c, 1))).isEqualTo(2);
        assertThat(db.<Integer>read(c -> count(c, 2))).isEqualTo(2);
        // H2 may roll back both sides of one deadlock: at least one transaction ran again, never more
        // than Database's attempts allow.
        assertThat(attempts.get()).as("attempts of the two transactions").isBetween(3, 2 * Database.ATTEMPTS);
    }

    private Void incrementBoth(int firstRow, int secondRow, CountDownLatch bothHoldOneRow, AtomicInteger attempts) {
        return db.transaction(c -> {
            attempts.incrementAndGet();
            execute(c, "UPDATE counters SET n = n + 1 WHERE id = " + firstRow);
            bothHoldOneRow.countDown();
            try {
                assertThat(bothHoldOneRow.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            execute(c, "UPDATE counters SET n = n + 1 WHERE id = " + secondRow);
            return null;
        });
    }

    private static Void execute(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
        return null;
    }

    private static int count(Connection c, int id) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT n FROM counters WHERE id = " + id)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
