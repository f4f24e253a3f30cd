package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wopihost.testclient.WopiClient.header;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.WopiClient;

/**
 * GetFile hands the blob's file to Jetty mapped, a window at a time: a large file streams whole and
 * exact, with the version of exactly those bytes, while saves land and the version it streams is
 * pruned (deleted) under it.
 */
class GetFileWhileSavingTest {

    /** Three mapped windows and a bit. */
    static final int SIZE = 3 * 8 * 1024 * 1024 + 12345;

    @RegisterExtension
    static final RunningHost HOST = new RunningHost(Map.of("nuxeo.wopi.maxFileSize", String.valueOf(2 * SIZE),
            "standalone.versions.kept", "1"), java.time.Clock.systemUTC());

    @Test
    void aLargeFileStreamsTheVersionItStartedWithWhileSavesLandAndPruneIt() throws Exception {
        byte[] first = random(SIZE, 1);
        String fileId = HOST.newDocument("big-" + System.nanoTime() + ".bin", first);
        WopiClient alice = HOST.clientFor("alice", fileId, Permission.EDIT);
        String firstVersion = alice.fileInfo().get("Version").asText();
        alice.lock("L1");

        URI uri = URI.create(alice.wopiSrc() + "/contents?access_token=" + alice.token());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(("GET " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\n"
                    + "Host: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            Map<String, String> head = head(in);
            assertThat(head.get("status")).isEqualTo("200");
            assertThat(head.get("content-length")).isEqualTo(String.valueOf(SIZE));
            assertThat(head.get("x-wopi-itemversion")).isEqualTo(firstVersion);
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            received.write(in.readNBytes(1024 * 1024));

            // Two saves land while the rest waits in the socket and the file: with one version
            // kept, the blob being streamed is deleted.
            byte[] second = random(SIZE, 2);
            HttpResponse<byte[]> saved = alice.putFile(second, "X-WOPI-Lock", "L1");
            assertThat(saved.statusCode()).isEqualTo(200);
            assertThat(alice.putFile(random(100, 3), "X-WOPI-Lock", "L1").statusCode()).isEqualTo(200);

            received.write(in.readAllBytes());
            assertThat(received.size()).isEqualTo(SIZE);
            assertThat(Arrays.equals(received.toByteArray(), first)).as("the bytes of the first version").isTrue();
        }
        HttpResponse<byte[]> now = alice.getFile();
        assertThat(now.body()).hasSize(100);
        assertThat(header(now, "X-WOPI-ItemVersion")).isEqualTo(alice.fileInfo().get("Version").asText())
                .isNotEqualTo(firstVersion);
    }

    @Test
    void aFileOfEveryWindowBoundaryStreamsExactly() throws Exception {
        for (int size : new int[] {0, 1, 8 * 1024 * 1024, 8 * 1024 * 1024 + 1, 2 * 8 * 1024 * 1024 - 1}) {
            byte[] bytes = random(size, size);
            WopiClient alice = HOST.clientFor("alice", HOST.newDocument("w-" + size + ".bin", bytes), Permission.VIEW);
            HttpResponse<byte[]> r = alice.getFile();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(Arrays.equals(r.body(), bytes)).as("%d bytes", size).isTrue();
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** The status (as "status") and the headers, lower-case, of a response, read up to its body. */
    private static Map<String, String> head(InputStream in) throws Exception {
        Map<String, String> head = new java.util.HashMap<>();
        String status = line(in);
        head.put("status", status.split(" ")[1]);
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            head.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        return head;
    }

    private static String line(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
