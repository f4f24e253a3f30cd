package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wopihost.testclient.WopiClient.header;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;
import org.wopihost.standalone.DataFolder;
import org.wopihost.standalone.StandaloneConfig;
import org.wopihost.standalone.StandaloneHost;
import org.wopihost.standalone.store.Documents;
import org.wopihost.testclient.WopiClient;

/**
 * Two nodes (packaged jars) on one PostgreSQL database and one data folder, under the load of 50
 * Office-like sessions (lock, save, refresh, file info, and a foreign client bumping into each
 * lock), while the nodes are killed ({@code kill -9}) and restarted in turn. Afterwards: no save
 * answered 200 is lost, the database's versions and the blob files agree exactly, and every lock
 * conflict was answered 409 with the lock of the moment. Runs where a PostgreSQL server is given
 * (CI starts one with .ci/postgres-start).
 */
@EnabledIfEnvironmentVariable(named = "WOPI_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.*")
class NodeCrashIT {

    static final int SESSIONS = 50;
    static final int KILLS = 4;
    /** Every session does at least this many rounds, and keeps going while nodes are killed. */
    static final int MIN_ROUNDS = 3;
    static final int MAX_ROUNDS = 40;
    static final Duration TIME_LIMIT = Duration.ofSeconds(90);
    /** Saves acknowledged between two kills: the load runs on while nodes die. */
    static final int SAVES_BETWEEN_KILLS = 25;

    /** A save answered 200: which content got which version. */
    record Acknowledged(String docId, String version, byte[] content) {
    }

    @TempDir
    Path dir;

    final ServerProcess[] nodes = new ServerProcess[2];
    final int[] ports = {RunningHost.freePort(), RunningHost.freePort()};
    final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    final Queue<String> violations = new ConcurrentLinkedQueue<>();
    final Semaphore saves = new Semaphore(0);
    volatile boolean killing = true;
    /** When a session stops waiting for a node to answer (both down, say). */
    final long giveUp = System.nanoTime() + TIME_LIMIT.multipliedBy(2).toNanos();
    Path data;
    Path configFile;
    String dbUrl;

    @RegisterExtension
    final ServerProcesses servers = new ServerProcesses();

    @Test
    void noAcknowledgedSaveIsLostWhileNodesAreKilled() throws Exception {
        data = dir.resolve("data");
        configFile = writeConfig();
        startNode(0);
        startNode(1);
        List<Session> sessions = openSessions();

        ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Session session : sessions) {
                running.add(pool.submit(() -> session.run(deadline)));
            }
            for (int kill = 0; kill < KILLS; kill++) {
                assertThat(saves.tryAcquire(SAVES_BETWEEN_KILLS, 60, TimeUnit.SECONDS)).as("saves go on").isTrue();
                int victim = kill % 2;
                nodes[victim].kill();
                startNode(victim);
            }
            killing = false;
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            killing = false;
            pool.shutdownNow();
        }
        assertThat(violations).isEmpty();
        System.out.printf("NodeCrashIT: %d sessions, %d kills, %d saves acknowledged in %d s%n", SESSIONS, KILLS,
                acknowledged.size(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - deadline + TIME_LIMIT.toNanos()));

        // Each restart settled what the killed node left; stopped nodes leave nothing.
        for (int i = 0; i < 2; i++) {
            nodes[i].stop();
        }

        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(SESSIONS * MIN_ROUNDS);
        Map<String, String> blobKeys = versionsToBlobKeys();
        for (Acknowledged save : acknowledged) {
            String key = blobKeys.get(save.docId() + "/" + FileRef.MAIN_BLOB + "/" + save.version());
            assertThat(key).as("version %s of %s", save.version(), save.docId()).isNotNull();
            assertThat(Files.readAllBytes(blob(key))).isEqualTo(save.content());
        }
        try (var files = Files.walk(data.resolve("blobs"))) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .as("the blob files are those of the database's versions")
                    .containsExactlyInAnyOrderElementsOf(blobKeys.values());
        }
        try (var tmp = Files.list(data.resolve("tmp"))) {
            assertThat(tmp).as("nothing left in tmp").isEmpty();
        }
    }

    /** One Office-like client on its own file, and a foreign one bumping into its lock. */
    final class Session {
        final String docId;
        final WopiClient[] viaNode;
        final String lockId;
        final Random random;
        int preferred;
        int attempts;

        Session(int n, String docId, String token) {
            this.docId = docId;
            String fileId = FileIdCodec.encode(new FileRef(Documents.REPOSITORY, docId, FileRef.MAIN_BLOB));
            this.viaNode = new WopiClient[] {new WopiClient(nodeUrl(0) + "wopi/files/" + fileId, token),
                    new WopiClient(nodeUrl(1) + "wopi/files/" + fileId, token)};
            this.lockId = "office-session-" + n;
            this.random = new Random(n);
            this.preferred = n % 2;
        }

        void run(long deadline) {
            for (int round = 1; round <= MAX_ROUNDS && (round <= MIN_ROUNDS || killing)
                    && System.nanoTime() < deadline; round++) {
                expect(200, "CheckFileInfo", WopiClient::checkFileInfo);
                expect(200, "Lock", c -> c.lock(lockId));
                save();
                expect(200, "RefreshLock", c -> c.refreshLock(lockId));
                conflict("Lock", c -> c.lock("intruder-" + lockId));
                conflict("PutFile", c -> c.putFile(new byte[] {1}, "X-WOPI-Lock", "intruder-" + lockId));
            }
        }

        /** A save, sent again (with new content) through the other node until one is answered. */
        void save() {
            while (true) {
                byte[] content = new byte[4096 + random.nextInt(8192)];
                random.nextBytes(content);
                byte[] label = (lockId + " attempt " + ++attempts + "\n").getBytes(StandardCharsets.UTF_8);
                System.arraycopy(label, 0, content, 0, label.length);
                HttpResponse<byte[]> put = send(c -> c.putFile(content, "X-WOPI-Lock", lockId));
                if (put == null) {
                    continue; // the node died: this save was not acknowledged
                }
                if (put.statusCode() == 200) {
                    acknowledged.add(new Acknowledged(docId, header(put, "X-WOPI-ItemVersion"), content));
                    saves.release();
                } else {
                    violations.add(docId + ": PutFile answered " + put.statusCode());
                }
                return;
            }
        }

        void expect(int status, String operation, Function<WopiClient, HttpResponse<byte[]>> request) {
            HttpResponse<byte[]> r = answered(request);
            if (r.statusCode() != status) {
                violations.add(docId + ": " + operation + " answered " + r.statusCode());
            }
        }

        /** A lock conflict: 409 with the current lock, this session's. */
        void conflict(String operation, Function<WopiClient, HttpResponse<byte[]>> request) {
            HttpResponse<byte[]> r = answered(request);
            if (r.statusCode() != 409 || !lockId.equals(header(r, "X-WOPI-Lock"))) {
                violations.add(docId + ": " + operation + " conflict answered " + r.statusCode() + " with lock "
                        + header(r, "X-WOPI-Lock"));
            }
        }

        /** Sends through the nodes until one answers: a request to a dying node has no answer. */
        HttpResponse<byte[]> answered(Function<WopiClient, HttpResponse<byte[]>> request) {
            while (true) {
                HttpResponse<byte[]> r = send(request);
                if (r != null) {
                    return r;
                }
            }
        }

        /** The answer, or null when the node died (or is not up yet): the next try goes to the other. */
        HttpResponse<byte[]> send(Function<WopiClient, HttpResponse<byte[]>> request) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("No node answered " + docId + " for too long");
            }
            try {
                return request.apply(viaNode[preferred]);
            } catch (UncheckedIOException e) {
                preferred = 1 - preferred;
                return null;
            }
        }
    }

    private List<Session> openSessions() throws Exception {
        List<Session> sessions = new ArrayList<>();
        Map<String, String> config = StandaloneConfig.load(configFile);
        try (StandaloneHost host = StandaloneHost.open(DataFolder.existing(data), config, nodeUrl(0),
                Clock.systemUTC())) {
            for (int n = 0; n < SESSIONS; n++) {
                String docId = host.documents().createDocument("crash-" + n + ".docx", "alice");
                host.documents().addFile(docId, FileRef.MAIN_BLOB, "crash-" + n + ".docx",
                        new ByteArrayInputStream(new byte[] {(byte) n}), "alice");
                String fileId = FileIdCodec.encode(new FileRef(Documents.REPOSITORY, docId, FileRef.MAIN_BLOB));
                sessions.add(new Session(n, docId, host.platform().tokens().issue("alice", fileId, Permission.EDIT)
                        .token()));
            }
        }
        return sessions;
    }

    private void startNode(int i) throws Exception {
        nodes[i] = servers.start("--port", String.valueOf(ports[i]), "--data", data.toString(), "--config",
                configFile.toString());
    }

    private String nodeUrl(int i) {
        return "http://127.0.0.1:" + ports[i] + "/";
    }

    /**
     * The shared database, and room for every session on one node: all come from one address here
     * (loopback), and with one node down all go to the other. At a cap of exactly SESSIONS, a session
     * whose answer arrived before its node counted that request done got a 503 (under CPU contention).
     */
    private Path writeConfig() throws Exception {
        dbUrl = TestPostgres.newDatabase("wopi_crash_");
        return Files.writeString(dir.resolve("wopi.conf"), String.join("\n",
                StandaloneConfig.DB_URL + "=" + dbUrl,
                StandaloneConfig.DB_USER + "=" + TestPostgres.user(),
                StandaloneConfig.DB_PASSWORD + "=" + TestPostgres.password(),
                StandaloneConfig.HTTP_THREADS_PER_CLIENT + "=" + 2 * SESSIONS, ""));
    }

    /** Every version in the database: "docId/xpath/version" to its blob key. */
    private Map<String, String> versionsToBlobKeys() throws Exception {
        Map<String, String> keys = new HashMap<>();
        try (Connection c = TestPostgres.connect(dbUrl);
                PreparedStatement ps = c.prepareStatement("SELECT doc_id, xpath, version, blob_key FROM wopi_versions");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                keys.put(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getInt(3), rs.getString(4));
            }
        }
        return keys;
    }

    private Path blob(String key) {
        return data.resolve("blobs").resolve(key.substring(0, 2)).resolve(key);
    }
}
