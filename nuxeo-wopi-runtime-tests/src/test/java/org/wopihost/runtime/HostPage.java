package org.wopihost.runtime;

import static org.junit.Assert.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.wopihost.engine.HostLinks;
import org.wopihost.nuxeo.WopiHostService;
import org.wopihost.testclient.WopiClient;

/** Opens a file the way a user does: the host page over HTTP with the user's login, then WOPI with its token. */
final class HostPage {

    private static final Pattern TOKEN = Pattern.compile("name=\"access_token\" value=\"([^\"]+)\"");

    private HostPage() {
    }

    /**
     * GETs the edit host page of {@code fileId} (the HostEditUrl CheckFileInfo announces) as {@code user},
     * logged in with HTTP Basic (password: the user name, as {@link NuxeoDocs#user} makes it), and returns a
     * WOPI client holding the token the page posts to the WOPI client.
     */
    static WopiClient openForEdit(WopiHostService service, String fileId, String user) {
        String page = new HostLinks(service.config().settings()).hostPage("edit", fileId);
        String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = WopiClient.send(HttpRequest.newBuilder(URI.create(page))
                .header("Authorization", "Basic " + basic).GET().build());
        String html = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(html, 200, response.statusCode());
        Matcher token = TOKEN.matcher(html);
        if (!token.find()) {
            throw new AssertionError("No access_token in the host page: " + html);
        }
        return new WopiClient(service.config().settings().wopiSrc(fileId), token.group(1));
    }
}
