package org.wopihost.web.nuxeo;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;

import org.wopihost.nuxeo.WopiHostComponent;
import org.wopihost.nuxeo.WopiHostService;
import org.wopihost.nuxeo.WopiRequests;
import org.wopihost.web.WopiServlet;

/**
 * The WOPI endpoints inside Nuxeo, mapped on {@code /wopihost/*} by OSGI-INF/deployment-fragment.xml
 * (Nuxeo instantiates servlets by their no-arg constructor). On first use, takes the engine the Nuxeo
 * WOPI service assembled ({@link WopiHostService#engine()}) and hands every request to wopi-servlet's
 * {@link WopiServlet}. Nuxeo's authentication filter (our {@code wopihost} chain: JWT_AUTH only) has
 * already checked the token's signature, expiry and audience; the engine checks it again with the file
 * id and the ACLs, and X-WOPI-Proof against the keys the WOPI client's discovery publishes.
 */
public class NuxeoWopiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<WopiHostService> service;
    private transient volatile WopiServlet delegate;

    public NuxeoWopiServlet() {
        this(WopiHostComponent::service);
    }

    NuxeoWopiServlet(Supplier<WopiHostService> service) {
        this.service = service;
    }

    @Override
    public void service(ServletRequest req, ServletResponse res) throws ServletException, IOException {
        WopiServlet d = delegate();
        // Marks the request for WopiLockSecurityPolicy: co-editors may save while the session holds the lock.
        WopiRequests.<ServletException> run(() -> d.service(req, res));
    }

    WopiServlet delegate() throws ServletException {
        WopiServlet d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    WopiHostService s = service.get();
                    d = new WopiServlet(s.engine(), s.config().settings().baseUrl());
                    if (getServletConfig() != null) {
                        d.init(getServletConfig());
                    }
                    delegate = d;
                }
            }
        }
        return d;
    }
}
