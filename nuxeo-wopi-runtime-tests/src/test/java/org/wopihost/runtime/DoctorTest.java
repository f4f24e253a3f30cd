package org.wopihost.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import org.junit.Test;
import org.nuxeo.runtime.test.runner.WithFrameworkProperty;
import org.wopihost.config.ConfigKeys;
import org.wopihost.testclient.WopiClient;

/**
 * {@code GET /wopihost/doctor} in Nuxeo: administrators get the configuration check (here against the
 * test client's discovery and the embedded server itself), everyone else 403.
 */
@WithFrameworkProperty(name = ConfigKeys.MAX_FILE_SIZE, value = "2000000")
public class DoctorTest extends WopiOverHttpTestCase {

    @Test
    public void administratorsGetEveryFindingWithItsFix() {
        HttpResponse<byte[]> response = doctor("Administrator", "Administrator");
        String text = new String(response.body(), UTF_8);
        assertEquals(text, 200, response.statusCode());
        assertTrue(text, text.contains("OK discovery reachable"));
        assertTrue(text, text.contains("OK discovery parsed"));
        assertTrue(text, text.contains("OK base URL reachable: " + service.config().settings().wopiSrc("doctor")));
        assertTrue(text, text.contains("OK largest body: 2000000 bytes reached the host"));
        assertTrue(text, text.endsWith("No problem found.\n"));
    }

    @Test
    public void otherUsersAreRefused() {
        user("bob", "ReadWrite");
        assertEquals(403, doctor("bob", "bob").statusCode());
    }

    private HttpResponse<byte[]> doctor(String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8));
        return WopiClient.send(HttpRequest.newBuilder(URI.create(service.config().settings().publicUrl() + "wopihost/doctor"))
                .header("Authorization", "Basic " + basic).GET().build());
    }
}
