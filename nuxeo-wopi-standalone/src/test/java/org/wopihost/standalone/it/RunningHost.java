package org.wopihost.standalone.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.IssuedToken;
import org.wopihost.spi.Permission;
import org.wopihost.standalone.DataFolder;
import org.wopihost.standalone.StandaloneServer;
import org.wopihost.standalone.store.Documents;
import org.wopihost.testclient.WopiClient;

/**
 * A real standalone server on a free loopback port with a fresh, seeded data folder, for the
 * tests of one class. Register with {@code @RegisterExtension static RunningHost host = ...}.
 */
public final class RunningHost implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> config;
    private final Clock clock;
    private final int port;
    private Path dataDir;
    private StandaloneServer server;

    public RunningHost() {
        this(Map.of(), Clock.systemUTC());
    }

    public RunningHost(Map<String, String> config, Clock clock) {
        this(config, clock, 0);
    }

    /** @param port a fixed port, for configurations that name the server's own URL; 0 for any */
    public RunningHost(Map<String, String> config, Clock clock, int port) {
        this.config = config;
        this.clock = clock;
        this.port = port;
    }

    /** A port free at the time of the call. */
    public static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("wopi-it-");
        server = StandaloneServer.start("127.0.0.1", port, new DataFolder(dataDir), config, clock);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        server.close();
        try (var walk = Files.walk(dataDir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    public StandaloneServer server() {
        return server;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The seeded user's password, from the data folder's initial-passwords file. */
    public String password(String user) throws java.io.IOException {
        for (String line : Files.readAllLines(dataDir.resolve("initial-passwords"))) {
            if (line.startsWith(user + "=")) {
                return line.substring(user.length() + 1);
            }
        }
        throw new AssertionError("no password for " + user);
    }

    /** An {@code Authorization} header value logging {@code user} in to the host's pages. */
    public String basicAuth(String user) throws java.io.IOException {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password(user)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public Documents documents() {
        return server.host().documents();
    }

    /** The id of the seeded document with that title. */
    public String docId(String title) {
        return documents().find(title).orElseThrow().id();
    }

    public String fileId(String title, String xpath) {
        return FileIdCodec.encode(new FileRef(Documents.REPOSITORY, docId(title), xpath));
    }

    public String fileId(String title) {
        return fileId(title, FileRef.MAIN_BLOB);
    }

    public IssuedToken token(String user, String fileId, Permission permission) {
        return server.host().platform().tokens().issue(user, fileId, permission);
    }

    /** A client for one file, as {@code user} with {@code permission}. */
    public WopiClient client(String user, String title, Permission permission) {
        return clientFor(user, fileId(title), permission);
    }

    /** A new document owned by alice, readable by bob, holding {@code content} as its main file. */
    public String newDocument(String fileName, byte[] content) throws java.io.IOException {
        String id = documents().createDocument(fileName, "alice");
        documents().grant(id, "bob", Permission.VIEW);
        documents().addFile(id, FileRef.MAIN_BLOB, fileName, new java.io.ByteArrayInputStream(content), "alice");
        return FileIdCodec.encode(new FileRef(Documents.REPOSITORY, id, FileRef.MAIN_BLOB));
    }

    /** A client for a file id, as {@code user} with {@code permission}. */
    public WopiClient clientFor(String user, String fileId, Permission permission) {
        return new WopiClient(server.host().settings().wopiSrc(fileId), token(user, fileId, permission).token());
    }
}
