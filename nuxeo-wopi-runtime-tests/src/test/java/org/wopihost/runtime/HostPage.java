package org.wopihost.runtime;

import static org.junit.Assert.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.wopihost.testclient.WopiClient;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.spi.FileRef;

/** Opens a file the way a user does: the host page over HTTP with the user's login, then WOPI with its token. */
final class HostPage {

    private static final Pattern TOKEN = Pattern.compile("name=\"access_token\" value=\"([^\"]+)\"");

    private HostPage() {
    }

    /** The file id of a document's main file. */
    static String mainFileId(String repository, String documentId) {
        return FileIdCodec.encode(new FileRef(repository, documentId, FileRef.MAIN_BLOB));
    }

    /**
     * GETs {@code wopihost/edit/{fileId}} as {@code user} (HTTP Basic) and returns a WOPI client with the
     * token the page posts to the WOPI client.
     */
    static WopiClient openForEdit(String baseUrl, String fileId, String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> page = WopiClient.send(HttpRequest.newBuilder(URI.create(baseUrl + "wopihost/edit/" + fileId))
                .header("Authorization", "Basic " + basic).GET().build());
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertEquals(html, 200, page.statusCode());
        Matcher token = TOKEN.matcher(html);
        if (!token.find()) {
            throw new AssertionError("No access_token in the host page: " + html);
        }
        return new WopiClient(baseUrl + "wopihost/files/" + fileId, token.group(1));
    }
}
