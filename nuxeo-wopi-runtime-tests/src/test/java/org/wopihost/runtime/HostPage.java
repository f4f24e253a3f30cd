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
    private static final Pattern ACTION = Pattern.compile("<form id=\"office_form\"[^>]* action=\"([^\"]+)\"");

    private HostPage() {
    }

    /**
     * GETs the edit host page of {@code fileId} (the HostEditUrl CheckFileInfo announces) as {@code user},
     * logged in with HTTP Basic (password: the user name, as {@link NuxeoDocs#user} makes it), and returns a
     * WOPI client holding the token the page posts to the WOPI client.
     */
    static WopiClient openForEdit(WopiHostService service, String fileId, String user) {
        HttpResponse<byte[]> response = get(service, "edit", fileId, user);
        String html = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(html, 200, response.statusCode());
        Matcher token = TOKEN.matcher(html);
        if (!token.find()) {
            throw new AssertionError("No access_token in the host page: " + html);
        }
        return new WopiClient(service.config().settings().wopiSrc(fileId), token.group(1));
    }

    /** The WOPI client URL the {@code view} or {@code edit} page posts to for {@code user}; empty when it opens nothing (404). */
    static String actionOf(WopiHostService service, String page, String fileId, String user) {
        HttpResponse<byte[]> response = get(service, page, fileId, user);
        if (response.statusCode() == 404) {
            return "";
        }
        String html = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(html, 200, response.statusCode());
        Matcher action = ACTION.matcher(html);
        if (!action.find()) {
            throw new AssertionError("No form action in the host page: " + html);
        }
        return action.group(1);
    }

    /** The host page, logged in with HTTP Basic (password: the user name, as {@link NuxeoDocs#user} makes it). */
    private static HttpResponse<byte[]> get(WopiHostService service, String page, String fileId, String user) {
        String url = new HostLinks(service.config().settings()).hostPage(page, fileId);
        String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return WopiClient.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + basic).GET().build());
    }

    /**
     * The fresh token the {@code page} (view or edit) hands its script before the old one expires: a POST to
     * the page's own URL with the user's login, as host-page.js makes it; returns a client holding it.
     */
    static WopiClient renew(WopiHostService service, String page, String fileId, String user) {
        String url = new HostLinks(service.config().settings()).hostPage(page, fileId);
        String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = WopiClient.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + basic).header("X-WOPI-Host-Page", "token")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        String json = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(json, 200, response.statusCode());
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(json);
        if (!token.find()) {
            throw new AssertionError("No access_token in " + json);
        }
        return new WopiClient(service.config().settings().wopiSrc(fileId), token.group(1));
    }

    /** POSTs the release page of {@code fileId}'s lock as {@code user} (its form's button); returns the status. */
    static int release(WopiHostService service, String fileId, String user) {
        String url = new HostLinks(service.config().settings()).hostPage("release", fileId);
        String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return WopiClient.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode();
    }
}
