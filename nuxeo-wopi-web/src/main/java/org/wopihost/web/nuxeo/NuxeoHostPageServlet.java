package org.wopihost.web.nuxeo;

import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletResponse;

import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.wopihost.discovery.DiscoveryClient;
import org.wopihost.nuxeo.WopiHostComponent;
import org.wopihost.nuxeo.WopiHostService;
import org.wopihost.web.HostPageServlet;
import org.wopihost.web.HostPageUsers;

/**
 * The host pages inside Nuxeo, {@code /wopihost/view/<fileId>} and {@code /wopihost/edit/<fileId>}, mapped
 * by OSGI-INF/deployment-fragment.xml (Nuxeo instantiates servlets by their no-arg constructor). Nuxeo's
 * authentication filter runs first with the default chain (session, form login, SSO...: the JWT-only
 * {@code wopihost} chain covers {@code /wopihost/files/*} only), so the page sees the user logged in to
 * Nuxeo as the request's principal. wopi-servlet's {@link HostPageServlet} does the rest: the file's
 * ACLs, the application from discovery, a token for that user and file, the form posted into the frame.
 * Without a WOPI client ({@code nuxeo.wopi.discoveryURL} not set) there is no page: 404.
 */
public class NuxeoHostPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /**
     * The user Nuxeo's authentication filter put on the request. Absent only when the filter let the
     * request through unauthenticated (it normally redirects to the login page first): 401. The
     * anonymous user, where a server enables it, gets no token either: WOPI edits need a person.
     */
    static final HostPageUsers NUXEO_LOGIN = (request, response) -> {
        Principal principal = request.getUserPrincipal();
        if (principal == null || principal.getName() == null || principal.getName().isEmpty()
                || (principal instanceof NuxeoPrincipal nuxeo && nuxeo.isAnonymous())) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return Optional.empty();
        }
        return Optional.of(principal.getName());
    };

    private final transient Supplier<WopiHostService> service;
    /** Null until the first request; then the page, or empty when there is no WOPI client. */
    private transient volatile Optional<HostPageServlet> delegate;

    public NuxeoHostPageServlet() {
        this(WopiHostComponent::service);
    }

    NuxeoHostPageServlet(Supplier<WopiHostService> service) {
        this.service = service;
    }

    @Override
    public void service(ServletRequest req, ServletResponse res) throws ServletException, IOException {
        Optional<HostPageServlet> d = delegate();
        if (d.isEmpty()) {
            ((HttpServletResponse) res).sendError(HttpServletResponse.SC_NOT_FOUND,
                    "No WOPI client: nuxeo.wopi.discoveryURL is not set");
            return;
        }
        d.get().service(req, res);
    }

    Optional<HostPageServlet> delegate() throws ServletException {
        Optional<HostPageServlet> d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    WopiHostService s = service.get();
                    Optional<DiscoveryClient> discovery = s.discovery();
                    if (discovery.isPresent()) {
                        HostPageServlet page = new HostPageServlet(s.platform(), s.config().settings(),
                                discovery.get(), NUXEO_LOGIN);
                        if (getServletConfig() != null) {
                            page.init(getServletConfig());
                        }
                        d = Optional.of(page);
                    } else {
                        d = Optional.empty();
                    }
                    delegate = d;
                }
            }
        }
        return d;
    }
}
