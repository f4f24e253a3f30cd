package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.wopihost.spi.Permission;
import org.wopihost.standalone.DataFolder;
import org.wopihost.standalone.StandaloneServer;
import org.wopihost.testclient.WopiClient;

/** Stopping the server (a restart, SIGTERM) lets a save in flight finish and land. */
class GracefulStopTest {

    @Test
    void aSaveInFlightWhenTheServerStopsStillLands() throws Exception {
        Path data = Files.createTempDirectory("wopi-graceful-");
        StandaloneServer server = StandaloneServer.start("127.0.0.1", 0, new DataFolder(data), Map.of(), Clock.systemUTC());
        String docId = server.host().documents().find("Budget 2027").orElseThrow().id();
        String fileId = org.wopihost.engine.FileIdCodec.encode(
                new org.wopihost.spi.FileRef("default", docId, "file:content"));
        WopiClient alice = new WopiClient(server.host().settings().wopiSrc(fileId),
                server.host().platform().tokens().issue("alice", fileId, Permission.EDIT).token());
        assertThat(alice.lock("L").statusCode()).isEqualTo(200);

        byte[] body = new byte[20000];
        Arrays.fill(body, (byte) 7);
        URI uri = URI.create(alice.wopiSrc() + "/contents?access_token=" + alice.token());
        CompletableFuture<Void> stopping;
        String response;
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: " + uri.getHost()
                    + "\r\nX-WOPI-Override: PUT\r\nX-WOPI-Lock: L\r\nConnection: close\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10000);
            out.flush();
            UploadsInProgress.await(data, 1);
            stopping = CompletableFuture.runAsync(() -> {
                try {
                    server.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            DataFolder folder = new DataFolder(data);
            Await.until("the server stopping (its URL withdrawn)", () -> folder.serverUrl().isEmpty());
            assertThat(stopping).isNotDone(); // it waits for the save
            out.write(body, 10000, 10000);
            out.flush();
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        stopping.get();
        assertThat(response).startsWith("HTTP/1.1 200");

        try (StandaloneServer again = StandaloneServer.start("127.0.0.1", 0, new DataFolder(data), Map.of(),
                Clock.systemUTC())) {
            WopiClient after = new WopiClient(again.host().settings().wopiSrc(fileId), alice.token());
            assertThat(after.getFile().body()).isEqualTo(body);
        }
    }
}
