package org.wopihost.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wopihost.config.WopiSettings;
import org.wopihost.doctor.Finding.Verdict;
import org.wopihost.testclient.discovery.SampleDiscovery;

/**
 * The doctor against hosts set up right and wrong, all served over loopback by a real HTTP server: a WOPI
 * client's discovery (good, not XML, unreachable), a host answering as WOPI hosts do, and a proxy that
 * refuses bodies over 2 MiB.
 */
class WopiDoctorTest {

    private static final byte[] DISCOVERY = SampleDiscovery.withTestKeys(SampleDiscovery.COLLABORA)
            .getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hosting/discovery", e -> answer(e, 200, DISCOVERY));
        server.createContext("/hosting/microsoft", e -> answer(e, 200,
                SampleDiscovery.withTestKeys(SampleDiscovery.MICROSOFT).getBytes(StandardCharsets.UTF_8)));
        server.createContext("/hosting/not-discovery", e -> answer(e, 200, "<html>Welcome</html>".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/host/wopi/files/", e -> answer(e, 401, new byte[0]));
        server.createContext("/behind-proxy/wopi/files/", e -> {
            long length = Long.parseLong(e.getRequestHeaders().getFirst("Content-Length") == null ? "0"
                    : e.getRequestHeaders().getFirst("Content-Length"));
            answer(e, length > (2 << 20) ? 413 : 401, new byte[0]);
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aHostSetUpRightPassesEveryCheck() {
        List<Finding> findings = examine(Map.of("nuxeo.wopi.discoveryURL", url + "hosting/discovery"), "host/",
                Clock.systemUTC());
        assertThat(findings).allSatisfy(f -> assertThat(f.verdict()).as(f.toString()).isEqualTo(Verdict.OK));
        assertThat(findings).extracting(Finding::check).containsExactly("discovery reachable", "clock",
                "discovery parsed", "proof keys", "base URL reachable", "largest body");
        assertThat(find(findings, "discovery parsed").detail()).contains("external-http", "applications");
        assertThat(find(findings, "largest body").detail()).startsWith("10 MiB reached the host");
    }

    @Test
    void anUnreachableDiscoveryIsNamedWithItsFix() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Finding f = find(examine(Map.of("nuxeo.wopi.discoveryURL", "http://127.0.0.1:" + closed + "/hosting/discovery"),
                "host/", Clock.systemUTC()), "discovery reachable");
        assertThat(f.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(f.detail()).contains("cannot fetch", "ConnectException");
        assertThat(f.fix()).contains("nuxeo.wopi.discoveryURL", "firewall");
    }

    @Test
    void aPageThatIsNotDiscoveryIsNamedWithItsFix() {
        Finding f = find(examine(Map.of("nuxeo.wopi.discoveryURL", url + "hosting/not-discovery"), "host/",
                Clock.systemUTC()), "discovery parsed");
        assertThat(f.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(f.detail()).startsWith("not usable WOPI discovery XML");
        assertThat(f.fix()).contains("/hosting/discovery");
    }

    @Test
    void aClockFiveMinutesAheadOfTheClientsFails() {
        Clock ahead = Clock.fixed(Instant.now().plus(Duration.ofMinutes(5)), ZoneOffset.UTC);
        Finding f = find(examine(Map.of("nuxeo.wopi.discoveryURL", url + "hosting/discovery"), "host/", ahead), "clock");
        assertThat(f.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(f.detail()).containsPattern("this host's clock is 29\\d s ahead of the client's|this host's clock is 300 s ahead");
        assertThat(f.fix()).contains("NTP");
    }

    @Test
    void aProxyThatRefusesLargeBodiesIsFound() {
        Finding f = find(examine(Map.of("nuxeo.wopi.discoveryURL", url + "hosting/discovery"), "behind-proxy/",
                Clock.systemUTC()), "largest body");
        assertThat(f.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(f.detail()).startsWith("a 10 MiB body is refused (413)").contains("1 MiB passed");
        assertThat(f.fix()).contains("client_max_body_size");
    }

    @Test
    void aClientThatCallsBackOverHttpsNeedsAnHttpsBaseUrl() {
        Finding f = find(examine(Map.of("nuxeo.wopi.discoveryURL", url + "hosting/microsoft"), "host/",
                Clock.systemUTC()), "base URL");
        assertThat(f.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(f.detail()).contains("is not HTTPS");
        assertThat(f.fix()).contains("nuxeo.wopi.baseURL", "https://");
    }

    private List<Finding> examine(Map<String, String> values, String basePath, Clock clock) {
        Map<String, String> config = new HashMap<>(values);
        config.put("nuxeo.url", url + basePath);
        config.put("nuxeo.wopi.maxFileSize", Long.toString(10L << 20));
        return new WopiDoctor(WopiSettings.from(config, "wopi", url + basePath), clock).examine();
    }

    private static Finding find(List<Finding> findings, String check) {
        return findings.stream().filter(f -> f.check().equals(check)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + check + " in " + findings));
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
