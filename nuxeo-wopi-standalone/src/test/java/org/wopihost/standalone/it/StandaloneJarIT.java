package org.wopihost.standalone.it;

import org.wopihost.testclient.WopiClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wopihost.testclient.WopiClient.header;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a user runs it: {@code java -jar nuxeo-wopi-standalone.jar}, then the
 * {@code token} command, then a WOPI session over HTTP; and a server killed mid-save.
 */
class StandaloneJarIT {

    static final Path JAR = Path.of("target", "nuxeo-wopi-standalone.jar");
    static final Pattern SERVING = Pattern.compile("serving (http://\\S+/)");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
    }

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
            Thread.sleep(300);
            processes.get(0).destroyForcibly().waitFor(10, TimeUnit.SECONDS); // kill -9 while the body streams
        }
        processes.clear();

        String again = start();
        assertThat(again).isNotNull();
        WopiClient after = new WopiClient(alice.wopiSrc().replace(url, again), alice.token());
        assertThat(after.fileInfo().get("Version").asText()).isEqualTo(version);
        assertThat(after.getFile().body()).isEqualTo(original);
        try (var tmp = Files.list(data.resolve("tmp"))) {
            assertThat(tmp).isEmpty(); // the half-written upload was cleaned at start-up
        }
    }

    /** Starts the jar on a free port and returns the URL it prints. */
    private String start() throws Exception {
        Process p = new ProcessBuilder(java(), "-jar", JAR.toString(), "--port", "0", "--data", data.toString())
                .redirectErrorStream(true).start();
        processes.add(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null;) {
            seen.append(line).append('\n');
            Matcher m = SERVING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new AssertionError("The server did not start:\n" + seen);
    }

    private String runCli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
