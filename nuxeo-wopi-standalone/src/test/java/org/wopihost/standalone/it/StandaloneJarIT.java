package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wopihost.testclient.WopiClient.header;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.wopihost.testclient.WopiClient;

/**
 * The packaged jar as a user runs it: {@code java -jar nuxeo-wopi-standalone.jar}, then the
 * {@code token} command, then a WOPI session over HTTP; and a server killed mid-save.
 */
class StandaloneJarIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @RegisterExtension
    final ServerProcesses servers = new ServerProcesses();

    /** The server started last. */
    ServerProcess server;

    @Test
    void servesTheSeededDocumentsAndAFullEditingSession() throws Exception {
        String url = start();
        HttpResponse<byte[]> health = WopiClient.send(HttpRequest.newBuilder(URI.create(url + "health")).build());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("UP");
        String password = Files.readAllLines(data.resolve("initial-passwords")).stream()
                .filter(l -> l.startsWith("alice=")).findFirst().orElseThrow().substring("alice=".length());
        String index = new String(WopiClient.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString(("alice:" + password).getBytes(StandardCharsets.UTF_8)))
                .build()).body(), StandardCharsets.UTF_8);
        assertThat(index).contains("Quarterly Report.docx", "Budget 2027.xlsx", "Product Roadmap.pptx",
                "Figures.xlsx", "validator.wopitest");

        JsonNode token = JSON.readTree(runCli("token", "--data", data.toString(), "--user", "alice", "--doc",
                "Quarterly Report"));
        WopiClient alice = new WopiClient(token.get("wopiSrc").asText(), token.get("accessToken").asText());
        assertThat(alice.wopiSrc()).startsWith(url);

        JsonNode info = alice.fileInfo();
        String version = info.get("Version").asText();
        byte[] original = alice.getFile().body();
        assertThat(original).hasSize(info.get("Size").asInt());
        assertThat(new String(original, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");

        assertThat(alice.lock("session-1").statusCode()).isEqualTo(200);
        byte[] edited = "saved from the IT".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> put = alice.putFile(edited, "X-WOPI-Lock", "session-1");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(alice.getFile().body()).isEqualTo(edited);
        assertThat(alice.fileInfo().get("Version").asText()).isNotEqualTo(version).isEqualTo(header(put, "X-WOPI-ItemVersion"));
        assertThat(alice.unlock("session-1").statusCode()).isEqualTo(200);

        JsonNode list = JSON.readTree(runCli("list", "--data", data.toString()));
        assertThat(list.findValuesAsText("title")).contains("Quarterly Report");
    }

    @Test
    void aServerKilledMidSaveRestartsWithThePreviousVersionIntact() throws Exception {
        String url = start();
        JsonNode token = JSON.readTree(runCli("token", "--data", data.toString(), "--user", "alice", "--doc",
                "Budget 2027"));
        WopiClient alice = new WopiClient(token.get("wopiSrc").asText(), token.get("accessToken").asText());
        byte[] original = alice.getFile().body();
        String version = alice.fileInfo().get("Version").asText();
        assertThat(alice.lock("L").statusCode()).isEqualTo(200);

        URI uri = URI.create(alice.wopiSrc() + "/contents?access_token=" + alice.token());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: " + uri.getHost()
                    + "\r\nX-WOPI-Override: PUT\r\nX-WOPI-Lock: L\r\nContent-Length: 10000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[2_000_000]);
            out.flush();
            UploadsInProgress.await(data, 1);
            server.kill(); // kill -9 while the body streams
        }

        String again = start();
        assertThat(again).isNotNull();
        WopiClient after = new WopiClient(alice.wopiSrc().replace(url, again), alice.token());
        assertThat(after.fileInfo().get("Version").asText()).isEqualTo(version);
        assertThat(after.getFile().body()).isEqualTo(original);
        try (var tmp = Files.walk(data.resolve("tmp"))) {
            // the half-written upload went with the killed server's work folder: only the new one's lock is left
            assertThat(tmp.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .singleElement().asString().endsWith(".lock");
        }
    }

    @Test
    void versionIsTheProjectsVersion() throws Exception {
        assertThat(runCli("--version").trim()).matches("nuxeo-wopi-standalone \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    /** Starts the jar on a free port and returns the URL it prints. */
    private String start() throws Exception {
        server = servers.start("--port", "0", "--data", data.toString());
        return server.url();
    }

    private String runCli(String... args) throws Exception {
        ServerProcess.Result r = ServerProcess.run(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out();
    }
}
