package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wopihost.testclient.WopiClient.header;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.WopiClient;

/** GetFile and PutFile over HTTP: bytes, versions, lock rules and failed uploads. */
class FileContentTest {

    static final int MAX_FILE_SIZE = 8 * 1024 * 1024;

    @RegisterExtension
    static final RunningHost HOST = new RunningHost(Map.of("nuxeo.wopi.maxFileSize", String.valueOf(MAX_FILE_SIZE)),
            java.time.Clock.systemUTC());

    static final byte[] ORIGINAL = "original content".getBytes(StandardCharsets.UTF_8);

    String fileId;
    WopiClient alice;

    @BeforeEach
    void freshFile() throws Exception {
        fileId = HOST.newDocument("content-" + System.nanoTime() + ".docx", ORIGINAL);
        alice = HOST.clientFor("alice", fileId, Permission.EDIT);
    }

    @Test
    void getFileReturnsTheBytesAndTheVersion() {
        HttpResponse<byte[]> r = alice.getFile();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(ORIGINAL);
        assertThat(header(r, "X-WOPI-ItemVersion")).isEqualTo(alice.fileInfo().get("Version").asText());
        assertThat(header(r, "Content-Length")).isEqualTo(String.valueOf(ORIGINAL.length));
    }

    @Test
    void getFileRefusesAFileLargerThanTheClientExpects() {
        assertThat(alice.getFile("X-WOPI-MaxExpectedSize", String.valueOf(ORIGINAL.length - 1)).statusCode())
                .isEqualTo(412);
        assertThat(alice.getFile("X-WOPI-MaxExpectedSize", String.valueOf(ORIGINAL.length)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aReaderMayGetTheFile() {
        assertThat(HOST.clientFor("bob", fileId, Permission.VIEW).getFile().body()).isEqualTo(ORIGINAL);
    }

    @Test
    void putFileUnderTheLockStoresANewVersion() {
        String before = alice.fileInfo().get("Version").asText();
        alice.lock("L1");
        byte[] edited = "edited by alice".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> put = alice.putFile(edited, "X-WOPI-Lock", "L1");
        assertThat(put.statusCode()).isEqualTo(200);
        String after = header(put, "X-WOPI-ItemVersion");
        assertThat(after).isNotEqualTo(before);
        HttpResponse<byte[]> get = alice.getFile();
        assertThat(get.body()).isEqualTo(edited);
        assertThat(header(get, "X-WOPI-ItemVersion")).isEqualTo(after);
        assertThat(alice.fileInfo().get("Size").asLong()).isEqualTo(edited.length);
        assertThat(alice.fileInfo().get("Version").asText()).isEqualTo(after);
    }

    @Test
    void everySaveIsANewVersion() {
        alice.lock("L1");
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            versions.add(header(alice.putFile(("save " + i).getBytes(), "X-WOPI-Lock", "L1"), "X-WOPI-ItemVersion"));
        }
        assertThat(versions).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(alice.getFile().body()).isEqualTo("save 4".getBytes());
    }

    @Test
    void putFileWithAnotherLockIsAConflictAndChangesNothing() {
        alice.lock("L1");
        HttpResponse<byte[]> put = alice.putFile("intruder".getBytes(), "X-WOPI-Lock", "L2");
        assertThat(put.statusCode()).isEqualTo(409);
        assertThat(header(put, "X-WOPI-Lock")).isEqualTo("L1");
        HttpResponse<byte[]> noLock = alice.putFile("intruder".getBytes());
        assertThat(noLock.statusCode()).isEqualTo(409);
        assertThat(header(noLock, "X-WOPI-Lock")).isEqualTo("L1");
        assertThat(alice.getFile().body()).isEqualTo(ORIGINAL);
    }

    @Test
    void putFileToAnUnlockedNonEmptyFileIsAConflictWithAnEmptyLock() {
        HttpResponse<byte[]> put = alice.putFile("unlocked".getBytes(), "X-WOPI-Lock", "L1");
        assertThat(put.statusCode()).isEqualTo(409);
        assertThat(header(put, "X-WOPI-Lock")).isEqualTo("");
        assertThat(alice.putFile("unlocked".getBytes()).statusCode()).isEqualTo(409);
        assertThat(alice.getFile().body()).isEqualTo(ORIGINAL);
    }

    @Test
    void putFileToAnUnlockedEmptyFileIsAllowed() throws Exception {
        String empty = HOST.newDocument("new-" + System.nanoTime() + ".docx", new byte[0]);
        WopiClient client = HOST.clientFor("alice", empty, Permission.EDIT);
        assertThat(client.putFile("first content".getBytes()).statusCode()).isEqualTo(200);
        assertThat(client.getFile().body()).isEqualTo("first content".getBytes());
    }

    @Test
    void readersCannotPut() {
        WopiClient bobView = HOST.clientFor("bob", fileId, Permission.VIEW);
        WopiClient bobEdit = HOST.clientFor("bob", fileId, Permission.EDIT);
        WopiClient aliceView = HOST.clientFor("alice", fileId, Permission.VIEW);
        alice.lock("L1");
        for (WopiClient c : List.of(bobView, bobEdit, aliceView)) {
            assertThat(c.putFile("nope".getBytes(), "X-WOPI-Lock", "L1").statusCode()).isEqualTo(401);
        }
        assertThat(alice.getFile().body()).isEqualTo(ORIGINAL);
    }

    @Test
    void aFileOverTheLimitIs413AndKeepsThePreviousContent() throws Exception {
        alice.lock("L1");
        // The host refuses from the declared length once the start of the body is in (BodyPreloader's
        // first 8 KiB), without reading the rest. (Sent whole by an HTTP client, the 8 MB it will not
        // read race its answer, which the closing connection can lose.)
        URI contents = URI.create(alice.wopiSrc() + "/contents?access_token=" + alice.token());
        int bodyStart = 8 * 1024; // BodyPreloader.LIMIT
        try (RawHttp http = RawHttp.open(contents.toString())) {
            RawHttp.Response tooLarge = http.head("POST", contents.getRawPath() + "?" + contents.getRawQuery(),
                    RawHttp.header("X-WOPI-Override", "PUT"), RawHttp.header("X-WOPI-Lock", "L1"),
                    RawHttp.header("Content-Length", String.valueOf(MAX_FILE_SIZE + 1)))
                    .send(new byte[bodyStart]).response();
            assertThat(tooLarge.status()).isEqualTo(413);
        }
        assertThat(alice.getFile().body()).isEqualTo(ORIGINAL);
        assertThat(alice.putFile(new byte[MAX_FILE_SIZE], "X-WOPI-Lock", "L1").statusCode()).isEqualTo(200);
    }

    @Test
    void largeFilesStreamBothWays() {
        byte[] big = new byte[MAX_FILE_SIZE - 1];
        new Random(42).nextBytes(big);
        alice.lock("L1");
        assertThat(alice.putFile(big, "X-WOPI-Lock", "L1").statusCode()).isEqualTo(200);
        assertThat(alice.getFile().body()).isEqualTo(big);
    }

    @Test
    void anUploadCutOffMidwayLeavesThePreviousVersionIntact() throws Exception {
        alice.lock("L1");
        String version = alice.fileInfo().get("Version").asText();
        URI uri = URI.create(alice.wopiSrc() + "/contents?access_token=" + alice.token());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            String head = "POST " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "X-WOPI-Override: PUT\r\nX-WOPI-Lock: L1\r\n"
                    + "Content-Length: 100000\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[20000]); // more than the host reads ahead: the save is storing it
            out.flush();
            UploadsInProgress.await(HOST.dataDir(), 1);
            socket.shutdownOutput(); // the body ends 80000 bytes short
            // The host's answer comes once it has given up the save.
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(response).startsWith("HTTP/1.1 400");
        }
        assertThat(alice.fileInfo().get("Version").asText()).isEqualTo(version);
        assertThat(alice.getFile().body()).isEqualTo(ORIGINAL);
        assertThat(UploadsInProgress.count(HOST.dataDir())).as("the partial upload is deleted").isZero();
    }

    @Test
    void aSaveWhoseLockChangedDuringTheUploadDoesNotLand() throws Exception {
        alice.lock("L1");
        String version = alice.fileInfo().get("Version").asText();
        URI uri = URI.create(alice.wopiSrc() + "/contents?access_token=" + alice.token());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: " + uri.getHost()
                    + "\r\nX-WOPI-Override: PUT\r\nX-WOPI-Lock: L1\r\nConnection: close\r\n"
                    + "Content-Length: 20000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[10000]);
            out.flush();
            UploadsInProgress.await(HOST.dataDir(), 1); // the lock was checked; the body is being stored
            // Meanwhile another client takes the file over (the first lock was released).
            assertThat(alice.unlock("L1").statusCode()).isEqualTo(200);
            assertThat(alice.lock("L2").statusCode()).isEqualTo(200);
            out.write(new byte[10000]);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(response).startsWith("HTTP/1.1 409").containsIgnoringCase("X-WOPI-Lock: L2");
        }
        assertThat(alice.fileInfo().get("Version").asText()).isEqualTo(version);
        assertThat(alice.getFile().body()).isEqualTo(ORIGINAL);
    }

    @Test
    void concurrentSavesEachLandWholeAsTheirOwnVersion() throws Exception {
        alice.lock("L1");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<byte[]> bodies = new ArrayList<>();
            List<Future<HttpResponse<byte[]>>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                byte[] body = new byte[256 * 1024];
                java.util.Arrays.fill(body, (byte) i);
                bodies.add(body);
                results.add(pool.submit(() -> alice.putFile(body, "X-WOPI-Lock", "L1")));
            }
            List<String> versions = new ArrayList<>();
            for (Future<HttpResponse<byte[]>> f : results) {
                HttpResponse<byte[]> r = f.get();
                assertThat(r.statusCode()).isEqualTo(200);
                versions.add(header(r, "X-WOPI-ItemVersion"));
            }
            assertThat(versions).doesNotHaveDuplicates();
            byte[] last = alice.getFile().body();
            assertThat(bodies).anySatisfy(b -> assertThat(last).isEqualTo(b));
        } finally {
            pool.shutdownNow();
        }
    }
}
