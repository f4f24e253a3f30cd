package org.wopihost.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wopihost.engine.HostLinks;
import org.wopihost.engine.WopiEngine;
import org.wopihost.engine.WopiResponse;

/**
 * The WOPI endpoints: {@code {wopiPath}/files/{id}} and {@code .../contents}. It parses, hands
 * the request to the engine and writes the response; all protocol decisions are the engine's.
 */
public class WopiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WopiServlet.class);

    private final transient WopiEngine engine;
    private final String publicOrigin;

    /**
     * @param baseUrl the configured WOPI base URL: its scheme, host and port are those the client
     *                used, which the proof-key signature covers
     */
    public WopiServlet(WopiEngine engine, String baseUrl) {
        this.engine = engine;
        this.publicOrigin = HostLinks.origin(baseUrl);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<WopiPath> path = WopiPath.parse(request.getPathInfo());
        if (path.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("POST")) {
            response.setHeader("Allow", "GET, POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        long start = System.nanoTime();
        ServletWopiRequest wopiRequest;
        try {
            wopiRequest = new ServletWopiRequest(request, path.get(), publicOrigin);
        } catch (IllegalArgumentException e) {
            LOG.debug("400 {} {}: malformed query string ({})", method, request.getRequestURI(), e.getMessage());
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        WopiResponse result = engine.handle(wopiRequest);
        try {
            write(result, response);
        } finally {
            engine.metrics().request(WopiEngine.operationName(wopiRequest), result.status(), System.nanoTime() - start);
        }
    }

    static void write(WopiResponse result, HttpServletResponse response) throws IOException {
        response.setStatus(result.status());
        result.headers().forEach(response::setHeader);
        // Token-bearing URLs and file bytes must not sit in shared caches.
        response.setHeader("Cache-Control", "no-store");
        // File bytes are never to be sniffed and rendered as a page of ours.
        response.setHeader("X-Content-Type-Options", "nosniff");
        WopiResponse.Body body = result.body();
        if (body == null) {
            response.setContentLength(0);
            return;
        }
        response.setContentType(body.contentType());
        if (body.length() >= 0) {
            response.setContentLengthLong(body.length());
        }
        try (OutputStream out = response.getOutputStream()) {
            body.writeTo(out);
        }
    }
}
