package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wopihost.testclient.WopiClient.json;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.WopiClient;

/**
 * Without a WOPI client configured (no discovery URL), every URL the host hands out still answers:
 * the host pages say that no online editor is configured, rather than 404.
 */
class NoWopiClientTest {

    @RegisterExtension
    static final RunningHost HOST = new RunningHost();

    @Test
    void everyHostPageUrlHandedOutAnswersWithAPageThatSaysWhy() throws Exception {
        String fileId = HOST.newDocument("no-client-" + System.nanoTime() + ".docx", "x".getBytes());
        WopiClient alice = HOST.clientFor("alice", fileId, Permission.EDIT);
        List<String> urls = new ArrayList<>();

        JsonNode info = alice.fileInfo();
        urls.add(info.get("HostViewUrl").asText());
        urls.add(info.get("HostEditUrl").asText());
        assertThat(info.get("SupportedShareUrlTypes")).isNotEmpty();

        // PutRelativeFile names the new file's host pages (validator: PutRelativeFile.IncludeHostUrls).
        HttpResponse<byte[]> created = alice.putRelative("copy".getBytes(), "X-WOPI-SuggestedTarget", ".docx");
        assertThat(created.statusCode()).isEqualTo(200);
        urls.add(json(created).get("HostViewUrl").asText());
        urls.add(json(created).get("HostEditUrl").asText());

        urls.add(json(alice.getShareUrl("ReadOnly")).get("ShareUrl").asText());
        urls.add(json(alice.getShareUrl("ReadWrite")).get("ShareUrl").asText());

        for (String url : urls) {
            assertThat(url).startsWith(HOST.server().url());
            HttpResponse<byte[]> page = WopiClient.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", HOST.basicAuth("alice")).GET().build());
            assertThat(page.statusCode()).as(url).isEqualTo(503);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(new String(page.body(), StandardCharsets.UTF_8)).as(url)
                    .contains("No online editor configured").contains("nuxeo.wopi.discoveryURL");
        }
    }
}
