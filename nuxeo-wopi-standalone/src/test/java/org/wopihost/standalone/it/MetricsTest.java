package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.WopiClient;

/** {@code GET /metrics} in Prometheus's text format, scraped after real WOPI requests signed by a real client. */
class MetricsTest {

    static final FakeWopiClientServer OFFICE = ProofKeyTest.start();

    @RegisterExtension
    static final RunningHost HOST = new RunningHost(Map.of("nuxeo.wopi.discoveryURL", OFFICE.discoveryUrl()),
            Clock.systemUTC());

    @AfterAll
    static void stopOffice() {
        OFFICE.close();
    }

    @Test
    void requestsSavesLockConflictsDiscoveryAndProofFailuresAreCounted() {
        WopiClient alice = HOST.client("alice", "Budget 2027", Permission.EDIT).signedBy(OFFICE.signer());
        assertThat(alice.checkFileInfo().statusCode()).isEqualTo(200);
        assertThat(alice.getFile().statusCode()).isEqualTo(200);
        assertThat(alice.lock("metrics-lock").statusCode()).isEqualTo(200);
        assertThat(alice.putFile("v2".getBytes(StandardCharsets.UTF_8), "X-WOPI-Lock", "metrics-lock").statusCode())
                .isEqualTo(200);
        assertThat(alice.putFile("v3".getBytes(StandardCharsets.UTF_8), "X-WOPI-Lock", "another-lock").statusCode())
                .isEqualTo(409);
        assertThat(HOST.client("alice", "Budget 2027", Permission.EDIT).checkFileInfo().statusCode()).isEqualTo(500);

        HttpResponse<byte[]> scrape = WopiClient.send(HttpRequest.newBuilder(URI.create(HOST.server().url() + "metrics")).build());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        String text = new String(scrape.body(), StandardCharsets.UTF_8);

        assertThat(value(text, "wopi_requests_seconds_count", "operation=\"CheckFileInfo\",status=\"200\"")).isEqualTo(1);
        assertThat(value(text, "wopi_requests_seconds_count", "operation=\"CheckFileInfo\",status=\"500\"")).isEqualTo(1);
        assertThat(value(text, "wopi_requests_seconds_count", "operation=\"GetFile\",status=\"200\"")).isEqualTo(1);
        assertThat(value(text, "wopi_requests_seconds_count", "operation=\"Lock\",status=\"200\"")).isEqualTo(1);
        assertThat(value(text, "wopi_requests_seconds_count", "operation=\"PutFile\",status=\"409\"")).isEqualTo(1);
        assertThat(value(text, "wopi_requests_seconds_bucket", "operation=\"PutFile\",status=\"200\",le=\"+Inf\"")).isEqualTo(1);
        assertThat(value(text, "wopi_requests_seconds_sum", "operation=\"GetFile\",status=\"200\"")).isPositive();
        assertThat(value(text, "wopi_saves_total", "")).isEqualTo(1);
        assertThat(value(text, "wopi_lock_conflicts_total", "operation=\"PutFile\"")).isEqualTo(1);
        assertThat(value(text, "wopi_proof_failures_total", "")).isEqualTo(1);
        assertThat(value(text, "wopi_discovery_refreshes_total", "result=\"fetched\"")).isGreaterThanOrEqualTo(1);
        assertThat(text).contains("# TYPE wopi_requests_seconds histogram");
    }

    /** The sample of {@code name} whose labels are exactly {@code labels}, in Prometheus's text format. */
    private static double value(String text, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + (labels.isEmpty() ? "" : Pattern.quote("{" + labels + "}"))
                + " (\\S+)$").matcher(text);
        assertThat(m.find()).as("%s{%s} in:%n%s", name, labels, text).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
