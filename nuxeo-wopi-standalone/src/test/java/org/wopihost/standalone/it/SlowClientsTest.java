package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.spi.Permission;
import org.wopihost.standalone.StandaloneConfig;
import org.wopihost.testclient.WopiClient;

/**
 * Clients that send their bodies slowly, or too many requests at once, do not stop the host from
 * answering everyone else. (SlowBodiesBenchmark measures the latency under such a load.)
 */
class SlowClientsTest {

    static final int THREADS_PER_CLIENT = 4;

    @RegisterExtension
    static final RunningHost HOST = new RunningHost(
            Map.of(StandaloneConfig.HTTP_THREADS_PER_CLIENT, String.valueOf(THREADS_PER_CLIENT)), Clock.systemUTC());

    /** As many as Jetty has worker threads: before, each one held a thread until its body ended. */
    static final int SLOW_BODIES = 200;

    @Test
    void slowSmallBodiesWithViewTokensHoldNoWorkerThread() throws Exception {
        String fileId = HOST.newDocument("slow-" + System.nanoTime() + ".docx", "x".getBytes());
        List<Socket> slow = new ArrayList<>();
        try {
            WopiClient bob = HOST.clientFor("bob", fileId, Permission.VIEW);
            for (int i = 0; i < SLOW_BODIES; i++) {
                slow.add(startBody(bob, "PUT_USER_INFO", null, 1000, 1, "127.0.0.1"));
            }
            WopiClient alice = HOST.clientFor("alice", fileId, Permission.EDIT);
            for (int i = 0; i < 20; i++) {
                assertThat(checkFileInfo(alice)).isEqualTo(200);
            }
        } finally {
            closeAll(slow);
        }
    }

    @Test
    void oneClientAddressCannotHoldMoreThanItsShareOfThreads() throws Exception {
        List<Socket> uploads = new ArrayList<>();
        try {
            // Large saves sent slowly from 127.0.0.2: past what is preloaded, each holds a thread reading.
            for (int i = 0; i < THREADS_PER_CLIENT; i++) {
                WopiClient editor = HOST.clientFor("alice", HOST.newDocument("upload-" + i + "-" + System.nanoTime()
                        + ".docx", "x".getBytes()), Permission.EDIT);
                assertThat(editor.lock("L").statusCode()).isEqualTo(200);
                uploads.add(startBody(editor, null, "L", 1_000_000, 20_000, "127.0.0.2"));
            }
            WopiClient alice = HOST.clientFor("alice", HOST.newDocument("other-" + System.nanoTime() + ".docx",
                    "x".getBytes()), Permission.EDIT);
            // Once the uploads are being stored, that address is at its cap: told to retry. Others are served.
            UploadsInProgress.await(HOST.dataDir(), THREADS_PER_CLIENT);
            try (Socket more = startBody(alice, "PUT_USER_INFO", null, 2, 2, "127.0.0.2")) {
                assertThat(new String(more.getInputStream().readNBytes(12), StandardCharsets.US_ASCII))
                        .isEqualTo("HTTP/1.1 503");
            }
            assertThat(checkFileInfo(alice)).isEqualTo(200);
        } finally {
            closeAll(uploads);
        }
    }

    /**
     * Opens a connection from {@code localAddress} and sends the head of a POST and {@code sent}
     * bytes of a {@code length}-byte body: a PutFile when {@code override} is null, else that
     * override on the file.
     */
    static Socket startBody(WopiClient client, String override, String lock, int length, int sent,
            String localAddress) throws Exception {
        URI uri = URI.create(client.wopiSrc() + (override == null ? "/contents" : ""));
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(localAddress, 0));
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
        socket.setSoTimeout(30_000);
        String head = "POST " + uri.getRawPath() + "?access_token=" + client.token() + " HTTP/1.1\r\nHost: "
                + uri.getHost() + "\r\nX-WOPI-Override: " + (override == null ? "PUT" : override) + "\r\n"
                + (lock == null ? "" : "X-WOPI-Lock: " + lock + "\r\n") + "Content-Length: " + length + "\r\n\r\n";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(new byte[sent]);
        socket.getOutputStream().flush();
        return socket;
    }

    static int checkFileInfo(WopiClient client) {
        return WopiClient.send(HttpRequest.newBuilder(URI.create(client.wopiSrc() + "?access_token=" + client.token()))
                .timeout(Duration.ofSeconds(10)).GET().build()).statusCode();
    }

    static void closeAll(List<Socket> sockets) throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
    }
}
