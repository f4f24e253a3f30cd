package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wopihost.testclient.WopiClient.header;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.wopihost.spi.Permission;
import org.wopihost.standalone.DataFolder;
import org.wopihost.standalone.StandaloneServer;
import org.wopihost.testclient.WopiClient;

/**
 * Two standalone nodes sharing one PostgreSQL database and one data folder, as behind a load
 * balancer: a lock taken on one node holds on the other, and a save on one is read on the other.
 * Runs where a PostgreSQL server is given (CI starts one with .ci/postgres-start).
 */
@EnabledIfEnvironmentVariable(named = "WOPI_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.*")
class TwoNodesOnPostgresTest {

    static Path data;
    static Map<String, String> config;
    static StandaloneServer nodeA;
    static StandaloneServer nodeB;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        config = Map.of(
                "standalone.db.url", TestPostgres.newDatabase("wopi_"),
                "standalone.db.user", TestPostgres.user(),
                "standalone.db.password", TestPostgres.password());
        data = Files.createTempDirectory("wopi-two-nodes-");
        nodeA = StandaloneServer.start("127.0.0.1", 0, new DataFolder(data), config, Clock.systemUTC());
        nodeB = StandaloneServer.start("127.0.0.1", 0, new DataFolder(data), config, Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    /** The same file and token, through one node or the other. */
    static WopiClient[] clientsForBothNodes(String title) {
        String docId = nodeA.host().documents().find(title).orElseThrow().id();
        String fileId = org.wopihost.engine.FileIdCodec.encode(
                new org.wopihost.spi.FileRef("default", docId, "file:content"));
        String token = nodeA.host().platform().tokens().issue("alice", fileId, Permission.EDIT).token();
        return new WopiClient[] {new WopiClient(nodeA.host().settings().wopiSrc(fileId), token),
                new WopiClient(nodeB.host().settings().wopiSrc(fileId), token)};
    }

    @Test
    void theDatabaseWasSeededOnceForBothNodes() {
        assertThat(nodeA.host().documents().list()).hasSize(5);
        assertThat(nodeB.host().documents().list()).hasSize(5);
    }

    @Test
    void locksAndSavesAreSharedBetweenNodes() {
        WopiClient[] nodes = clientsForBothNodes("Quarterly Report");
        WopiClient a = nodes[0];
        WopiClient b = nodes[1];
        assertThat(a.wopiSrc()).isNotEqualTo(b.wopiSrc());

        assertThat(a.lock("lock-from-A").statusCode()).isEqualTo(200);
        assertThat(header(b.getLock(), "X-WOPI-Lock")).isEqualTo("lock-from-A");
        HttpResponse<byte[]> conflict = b.lock("lock-from-B");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(header(conflict, "X-WOPI-Lock")).isEqualTo("lock-from-A");

        byte[] saved = "saved through node B".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> put = b.putFile(saved, "X-WOPI-Lock", "lock-from-A");
        assertThat(put.statusCode()).isEqualTo(200);
        HttpResponse<byte[]> get = a.getFile();
        assertThat(get.body()).isEqualTo(saved);
        assertThat(header(get, "X-WOPI-ItemVersion")).isEqualTo(header(put, "X-WOPI-ItemVersion"));

        assertThat(b.unlock("lock-from-A").statusCode()).isEqualTo(200);
        assertThat(header(a.getLock(), "X-WOPI-Lock")).isEqualTo("");
    }

    @Test
    void aNodeStartingLeavesTheUploadsInFlightOnOthersAlone() throws Exception {
        WopiClient a = clientsForBothNodes("Product Roadmap")[0];
        assertThat(a.lock("slow-upload").statusCode()).isEqualTo(200);
        byte[] body = new byte[1 << 20];
        new java.util.Random(7).nextBytes(body);
        URI uri = URI.create(a.wopiSrc() + "/contents?access_token=" + a.token());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: " + uri.getHost()
                    + "\r\nX-WOPI-Override: PUT\r\nX-WOPI-Lock: slow-upload\r\nConnection: close\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            UploadsInProgress.await(data, 1);

            try (StandaloneServer nodeC = StandaloneServer.start("127.0.0.1", 0, new DataFolder(data), config,
                    Clock.systemUTC())) {
                out.write(body, body.length / 2, body.length - body.length / 2);
                out.flush();
                String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                assertThat(status).isEqualTo("HTTP/1.1 200 OK");
            }
        }
        assertThat(a.getFile().body()).isEqualTo(body);
        assertThat(a.unlock("slow-upload").statusCode()).isEqualTo(200);
    }

    @Test
    void clientsRacingThroughBothNodesGetOneLock() throws Exception {
        WopiClient[] nodes = clientsForBothNodes("Budget 2027");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<HttpResponse<byte[]>>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                WopiClient via = nodes[i % 2];
                String id = "racer-" + i;
                results.add(pool.submit(() -> via.lock(id)));
            }
            int winners = 0;
            for (Future<HttpResponse<byte[]>> f : results) {
                int status = f.get().statusCode();
                assertThat(status).isIn(200, 409);
                winners += status == 200 ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
