package org.wopihost.standalone.it;

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

/** Talks WOPI to a host over real HTTP, the way Office for the web does. */
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
