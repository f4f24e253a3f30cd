package org.wopihost.web.nuxeo;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.wopihost.engine.ProofCheck;
import org.wopihost.engine.WopiEngine;
import org.wopihost.engine.WopiResponse;
import org.wopihost.nuxeo.WopiHostComponent;
import org.wopihost.nuxeo.WopiHostService;

/**
 * The WOPI endpoints inside Nuxeo, mapped on {@code /wopihost/*} by OSGI-INF/deployment-fragment.xml.
 * Nuxeo's authentication filter (our {@code wopihost} chain: JWT_AUTH only) has already checked the
 * token's signature, expiry and audience; the engine checks it again with the file id and the ACLs.
 * Proof keys are not checked here until the discovery client provides a {@link ProofCheck}; the web
 * module's own WopiServlet is meant to replace this class.
 */
public class NuxeoWopiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<WopiHostService> service;
    private transient volatile WopiEngine engine;

    public NuxeoWopiServlet() {
        this(WopiHostComponent::service);
    }

    NuxeoWopiServlet(Supplier<WopiHostService> service) {
        this.service = service;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<ServletWopiRequest> request = ServletWopiRequest.parse(req);
        if (request.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        write(engine().handle(request.get()), resp);
    }

    private WopiEngine engine() {
        WopiEngine e = engine;
        if (e == null) {
            WopiHostService s = service.get();
            e = new WopiEngine(s.platform(), s.config().settings(), ProofCheck.NONE, false, Clock.systemUTC());
            engine = e;
        }
        return e;
    }

    static void write(WopiResponse response, HttpServletResponse resp) throws IOException {
        resp.setStatus(response.status());
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            resp.setHeader(h.getKey(), h.getValue());
        }
        WopiResponse.Body body = response.body();
        if (body == null) {
            resp.setContentLength(0);
            return;
        }
        resp.setContentType(body.contentType());
        if (body.length() >= 0) {
            resp.setContentLengthLong(body.length());
        }
        try (OutputStream out = resp.getOutputStream()) {
            body.writeTo(out);
        }
    }
}
