package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.WopiClient;

/**
 * With the WOPI base URL on a host name of its own (127.0.0.1 here) and users on another
 * (localhost), the WOPI host name serves the WOPI file endpoints and nothing else.
 */
class DedicatedWopiHostTest {

    static final int PORT = RunningHost.freePort();

    @RegisterExtension
    static final RunningHost HOST = new RunningHost(Map.of(
            "nuxeo.url", "http://localhost:" + PORT + "/",
            "nuxeo.wopi.baseURL", "http://127.0.0.1:" + PORT + "/"), Clock.systemUTC(), PORT);

    static int get(String url) {
        return WopiClient.send(HttpRequest.newBuilder(URI.create(url)).GET().build()).statusCode();
    }

    @Test
    void theWopiHostNameServesOnlyWopiFiles() {
        WopiClient alice = HOST.client("alice", "Quarterly Report", Permission.EDIT);
        assertThat(alice.wopiSrc()).startsWith("http://127.0.0.1:" + PORT + "/wopi/files/");
        assertThat(alice.checkFileInfo().statusCode()).isEqualTo(200);
        assertThat(alice.getFile().statusCode()).isEqualTo(200);

        assertThat(get("http://127.0.0.1:" + PORT + "/")).isEqualTo(404);
        assertThat(get("http://127.0.0.1:" + PORT + "/health")).isEqualTo(404);
        assertThat(get("http://127.0.0.1:" + PORT + "/wopi/edit/x")).isEqualTo(404);
        assertThat(get("http://127.0.0.1:" + PORT + "/wopi/filesx")).isEqualTo(404);
    }

    @Test
    void theUsersHostNameServesEverythingElse() throws Exception {
        assertThat(get("http://localhost:" + PORT + "/")).isEqualTo(401); // served: it asks for a login
        assertThat(WopiClient.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/"))
                .header("Authorization", HOST.basicAuth("alice")).GET().build()).statusCode()).isEqualTo(200);
        assertThat(get("http://localhost:" + PORT + "/health")).isEqualTo(200);
    }
}
