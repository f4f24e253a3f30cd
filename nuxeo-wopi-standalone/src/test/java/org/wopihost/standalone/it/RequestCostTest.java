package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.WopiClient;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.IMetricsTracker;

/**
 * What one request costs the database: pooled connections taken per WOPI operation. The engine
 * resolves the request's user and file once (user, ACL and metadata in one statement) and every step
 * uses what it found; these counts guard that. (Before: CheckFileInfo took 5 connections, PutFile 6 or 7.)
 * The server's locks live in memory and reach the database behind the requests (WriteBehindLocks).
 */
class RequestCostTest {

    @RegisterExtension
    static final RunningHost HOST = new RunningHost();

    private static final AtomicInteger CONNECTIONS = new AtomicInteger();

    @BeforeAll
    static void countConnections() {
        HikariDataSource pool = (HikariDataSource) HOST.documents().database().dataSource();
        pool.setMetricsTrackerFactory((poolName, stats) -> new IMetricsTracker() {
            @Override
            public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
                CONNECTIONS.incrementAndGet();
            }
        });
    }

    private static int connectionsFor(Supplier<HttpResponse<byte[]>> request) {
        int before = CONNECTIONS.get();
        assertThat(request.get().statusCode()).isEqualTo(200);
        int taken = CONNECTIONS.get() - before;
        System.out.println(taken + " connection(s)"); // the figure, for whoever tunes this
        return taken;
    }

    @Test
    void eachOperationTakesFewConnections() throws Exception {
        String fileId = HOST.newDocument("cost-" + System.nanoTime() + ".docx", "v1".getBytes());
        WopiClient alice = HOST.clientFor("alice", fileId, Permission.EDIT);
        // user, ACL and metadata (may create beside it with them), the user's UserInfo
        assertThat(connectionsFor(alice::checkFileInfo)).as("CheckFileInfo").isEqualTo(2);
        // user, ACL and metadata, the version read
        assertThat(connectionsFor(alice::getFile)).as("GetFile").isEqualTo(2);
        // user, ACL and metadata; the lock is taken in memory
        assertThat(connectionsFor(() -> alice.lock("L"))).as("Lock").isEqualTo(1);
        // user, ACL and metadata; our own lock refreshed in memory (Office locks again what it holds)
        assertThat(connectionsFor(() -> alice.lock("L"))).as("Lock again").isEqualTo(1);
        assertThat(connectionsFor(() -> alice.refreshLock("L"))).as("RefreshLock").isEqualTo(1);
        // user, ACL and metadata, the save with its lock re-check in one transaction
        assertThat(connectionsFor(() -> alice.putFile("v2".getBytes(), "X-WOPI-Lock", "L"))).as("PutFile").isEqualTo(2);
    }
}
