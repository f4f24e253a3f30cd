package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.WopiClient;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

/**
 * More saves of one file at once than the database pool has connections. Each save holds its
 * connection (and the file's row lock) while it re-checks the WOPI lock: that re-check must read on
 * the same connection, or the saves queued behind the row lock hold every connection while the one
 * holding the row waits for another, and they all fail on timeouts.
 */
class ConcurrentSavesTest {

    /** More than the pool has connections (read from the host's pool, whatever Database.open made it). */
    private static final int MORE_THAN_POOL = 4;

    @RegisterExtension
    static final RunningHost HOST = new RunningHost();

    @Test
    void moreConcurrentSavesThanPooledConnectionsAllLand() throws Exception {
        String fileId = HOST.newDocument("busy-" + System.nanoTime() + ".docx", "v1".getBytes());
        FileRef file = FileIdCodec.decode(fileId).orElseThrow();
        WopiClient alice = HOST.clientFor("alice", fileId, Permission.EDIT);
        assertThat(alice.lock("L").statusCode()).isEqualTo(200);
        HikariDataSource pool = (HikariDataSource) HOST.documents().database().dataSource();
        int connections = pool.getMaximumPoolSize();
        int saveCount = connections + MORE_THAN_POOL;
        ExecutorService clients = Executors.newFixedThreadPool(saveCount);
        List<Future<HttpResponse<byte[]>>> saves = new ArrayList<>();
        try {
            // Hold the file's row lock, so that every save queues behind it with its connection taken.
            try (Connection row = holdRowLock(pool, file)) {
                for (int i = 0; i < saveCount; i++) {
                    byte[] body = ("save " + i).getBytes();
                    saves.add(clients.submit(() -> alice.putFile(body, "X-WOPI-Lock", "L")));
                }
                awaitEveryConnectionTakenAndTheRestWaiting(pool.getHikariPoolMXBean(), connections, saveCount);
                row.rollback();
            }
            for (Future<HttpResponse<byte[]>> save : saves) {
                assertThat(save.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(alice.fileInfo().get("Version").asText()).isEqualTo(String.valueOf(1 + saveCount));
    }

    private static Connection holdRowLock(DataSource pool, FileRef file) throws Exception {
        Connection c = pool.getConnection();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT current_version FROM wopi_blobs WHERE doc_id = ? AND xpath = ? FOR UPDATE")) {
            ps.setString(1, file.documentId());
            ps.setString(2, file.xpath());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
            }
        }
        return c;
    }

    /**
     * Every connection but ours held by a save blocked on the row, every other save waiting for a
     * connection: only then does the row's release show whether a save needs a second connection.
     */
    private static void awaitEveryConnectionTakenAndTheRestWaiting(HikariPoolMXBean pool, int connections,
            int saves) {
        long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (pool.getActiveConnections() < connections
                || pool.getThreadsAwaitingConnection() < saves - (connections - 1)) {
            if (System.nanoTime() > deadline) {
                fail("the saves did not fill the pool: %d active, %d waiting", pool.getActiveConnections(),
                        pool.getThreadsAwaitingConnection());
            }
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos()); // polls the pool's state; no timing assumed
        }
    }
}
