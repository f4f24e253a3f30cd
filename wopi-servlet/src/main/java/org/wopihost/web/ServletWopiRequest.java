package org.wopihost.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.wopihost.engine.WopiRequest;

/** A servlet request seen as a {@link WopiRequest}. */
final class ServletWopiRequest implements WopiRequest {

    private static final String BEARER = "bearer ";

    private final HttpServletRequest request;
    private final WopiPath path;
    private final String publicOrigin;

    private final String accessToken;

    /** @throws IllegalArgumentException when the query string has a malformed percent-escape */
    ServletWopiRequest(HttpServletRequest request, WopiPath path, String publicOrigin) {
        this.request = request;
        this.path = path;
        this.publicOrigin = publicOrigin;
        this.accessToken = findAccessToken(request);
    }

    @Override
    public String method() {
        return request.getMethod().toUpperCase(Locale.ROOT);
    }

    @Override
    public Endpoint endpoint() {
        return path.endpoint();
    }

    @Override
    public String fileId() {
        return path.fileId();
    }

    /** The query parameter is what WOPI clients send; a Bearer header is accepted as well. */
    @Override
    public String accessToken() {
        return accessToken;
    }

    private static String findAccessToken(HttpServletRequest request) {
        String token = queryParameter(request.getQueryString(), "access_token");
        if (token != null && !token.isEmpty()) {
            return token;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).trim();
        }
        return null;
    }

    /**
     * Reads a parameter from the query string only. {@code getParameter} would also parse a
     * form-encoded body, consuming the file content of a PutFile sent with that content type.
     *
     * @throws IllegalArgumentException when a name or value before the one sought is malformed
     */
    static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (decoded(key).equals(name)) {
                return eq < 0 ? "" : decoded(pair.substring(eq + 1));
            }
        }
        return null;
    }

    /**
     * A query string part, percent- and plus-decoded. A JWT (base64url and dots) has nothing to decode,
     * and URLDecoder copies its 500 characters one by one all the same: 3% of a Lock's CPU time.
     */
    private static String decoded(String part) {
        return part.indexOf('%') < 0 && part.indexOf('+') < 0 ? part : URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeader(name));
    }

    @Override
    public long contentLength() {
        return request.getContentLengthLong();
    }

    @Override
    public InputStream body() throws IOException {
        return request.getInputStream();
    }

    /**
     * The URL as the client called it. Behind a proxy the servlet sees another scheme and host, so
     * they come from the configured base URL; path and query come from the request untouched.
     */
    @Override
    public String url() {
        String query = request.getQueryString();
        return publicOrigin + request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}
