package org.wopihost.web.nuxeo;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.wopihost.engine.WopiRequest;

/**
 * A {@link WopiRequest} over a servlet request whose path info is {@code /files/{id}[/contents|/...]}.
 * Kept apart from the servlet so it can be replaced by the web module's own parser when that lands.
 */
public final class ServletWopiRequest implements WopiRequest {

    private static final Pattern PATH = Pattern.compile("/files/([^/]+)(/.*)?");
    private static final String BEARER = "Bearer ";

    private final HttpServletRequest request;
    private final String fileId;
    private final Endpoint endpoint;

    private ServletWopiRequest(HttpServletRequest request, String fileId, Endpoint endpoint) {
        this.request = request;
        this.fileId = fileId;
        this.endpoint = endpoint;
    }

    /** The WOPI request, or empty when the path is not a file URL. */
    public static Optional<ServletWopiRequest> parse(HttpServletRequest request) {
        String info = request.getPathInfo();
        Matcher m = info == null ? null : PATH.matcher(info);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        String rest = m.group(2);
        Endpoint endpoint = rest == null || rest.equals("/") ? Endpoint.FILE
                : rest.equals("/contents") ? Endpoint.CONTENTS : Endpoint.OTHER;
        return Optional.of(new ServletWopiRequest(request, m.group(1), endpoint));
    }

    @Override
    public String method() {
        return request.getMethod().toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public String fileId() {
        return fileId;
    }

    @Override
    public String accessToken() {
        String auth = request.getHeader("Authorization");
        if (auth != null && auth.startsWith(BEARER)) {
            return auth.substring(BEARER.length()).trim();
        }
        return request.getParameter("access_token");
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

    @Override
    public String url() {
        String query = request.getQueryString();
        return request.getRequestURL() + (query == null ? "" : "?" + query);
    }
}
