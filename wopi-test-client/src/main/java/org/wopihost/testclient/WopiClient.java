package org.wopihost.testclient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks WOPI to a host over real HTTP, the way Office for the web does. Shared by the standalone host's
 * integration tests and the runtime tests inside Nuxeo: one client, two hosts.
 */
public final class WopiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Adds headers that depend on the token and the exact URL: how Office adds its proof headers. */
    @FunctionalInterface
    public interface Signer {
        void sign(HttpRequest.Builder request, String token, String url);
    }

    private final String wopiSrc;
    private final String token;
    private final Signer signer;

    public WopiClient(String wopiSrc, String token) {
        this(wopiSrc, token, (request, t, url) -> {
        });
    }

    public WopiClient(String wopiSrc, String token, Signer signer) {
        this.wopiSrc = wopiSrc;
        this.token = token;
        this.signer = signer;
    }

    /** The same file and token, every request signed by {@code signer}. */
    public WopiClient signedBy(Signer other) {
        return new WopiClient(wopiSrc, token, other);
    }

    public String wopiSrc() {
        return wopiSrc;
    }

    public String token() {
        return token;
    }

    /** The same file with another token. */
    public WopiClient withToken(String otherToken) {
        return new WopiClient(wopiSrc, otherToken, signer);
    }

    public HttpResponse<byte[]> checkFileInfo() {
        return send(get(""));
    }

    public JsonNode fileInfo() {
        HttpResponse<byte[]> r = checkFileInfo();
        if (r.statusCode() != 200) {
            throw new AssertionError("CheckFileInfo answered " + r.statusCode());
        }
        return json(r);
    }

    public HttpResponse<byte[]> getFile(String... headers) {
        return send(get("/contents", headers));
    }

    public HttpResponse<byte[]> putFile(byte[] body, String... headers) {
        return send(post("/contents", "PUT", HttpRequest.BodyPublishers.ofByteArray(body), headers));
    }

    public HttpResponse<byte[]> override(String override, String... headers) {
        return send(post("", override, HttpRequest.BodyPublishers.noBody(), headers));
    }

    public HttpResponse<byte[]> override(String override, byte[] body, String... headers) {
        return send(post("", override, HttpRequest.BodyPublishers.ofByteArray(body), headers));
    }

    public HttpResponse<byte[]> lock(String lockId) {
        return override("LOCK", "X-WOPI-Lock", lockId);
    }

    public HttpResponse<byte[]> unlock(String lockId) {
        return override("UNLOCK", "X-WOPI-Lock", lockId);
    }

    public HttpResponse<byte[]> refreshLock(String lockId) {
        return override("REFRESH_LOCK", "X-WOPI-Lock", lockId);
    }

    public HttpResponse<byte[]> unlockAndRelock(String oldLock, String newLock) {
        return override("LOCK", "X-WOPI-OldLock", oldLock, "X-WOPI-Lock", newLock);
    }

    public HttpResponse<byte[]> getLock() {
        return override("GET_LOCK");
    }

    public HttpResponse<byte[]> putRelative(byte[] body, String... headers) {
        return override("PUT_RELATIVE", body, headers);
    }

    public HttpResponse<byte[]> rename(String requestedName, String... headers) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "X-WOPI-RequestedName";
        all[headers.length + 1] = requestedName;
        return override("RENAME_FILE", all);
    }

    public HttpResponse<byte[]> delete(String... headers) {
        return override("DELETE", headers);
    }

    public HttpResponse<byte[]> getShareUrl(String urlType) {
        return override("GET_SHARE_URL", "X-WOPI-UrlType", urlType);
    }

    public HttpResponse<byte[]> putUserInfo(String userInfo) {
        return override("PUT_USER_INFO", userInfo.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Any request on this file: {@code suffix} is appended to the WOPISrc ("", "/contents",
     * "/ancestry"), {@code override} is left out when null, {@code body} is sent when not null.
     */
    public HttpResponse<byte[]> request(String method, String suffix, String override, byte[] body,
            String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(suffix)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (override != null) {
            b.header("X-WOPI-Override", override);
        }
        headers(b, headers);
        return send(b.build());
    }

    /** A client for the URL a host hands out, {@code WOPISrc?access_token=...} (PutRelativeFile's Url). */
    public static WopiClient fromUrl(String url) {
        URI uri = URI.create(url);
        String query = uri.getRawQuery();
        if (query == null) {
            throw new AssertionError("No access_token in " + url);
        }
        String token = null;
        for (String pair : query.split("&")) {
            if (pair.startsWith("access_token=")) {
                token = java.net.URLDecoder.decode(pair.substring("access_token=".length()), StandardCharsets.UTF_8);
            }
        }
        if (token == null) {
            throw new AssertionError("No access_token in " + url);
        }
        return new WopiClient(url.substring(0, url.indexOf('?')), token);
    }

    /** The file id at the end of this client's WOPISrc. */
    public String fileId() {
        return wopiSrc.substring(wopiSrc.lastIndexOf('/') + 1);
    }

    public static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest get(String suffix, String... headers) {
        URI uri = uri(suffix);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(30));
        headers(b, headers);
        signer.sign(b, token, uri.toString());
        return b.build();
    }

    private HttpRequest post(String suffix, String override, HttpRequest.BodyPublisher body, String... headers) {
        URI uri = uri(suffix);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).POST(body).timeout(Duration.ofSeconds(30))
                .header("X-WOPI-Override", override);
        headers(b, headers);
        signer.sign(b, token, uri.toString());
        return b.build();
    }

    private URI uri(String suffix) {
        return URI.create(wopiSrc + suffix + "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private static void headers(HttpRequest.Builder b, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
    }

    /** A response header, or null when absent: WOPI tells absent and empty apart. */
    public static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
