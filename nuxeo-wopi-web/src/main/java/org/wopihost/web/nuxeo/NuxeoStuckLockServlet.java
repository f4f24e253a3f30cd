package org.wopihost.web.nuxeo;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;

import org.wopihost.nuxeo.WopiHostComponent;
import org.wopihost.nuxeo.WopiHostService;
import org.wopihost.web.StuckLockServlet;

/**
 * The release of a stuck WOPI lock inside Nuxeo, {@code /wopihost/release/<fileId>} (the link the {@code wopi}
 * enricher gives the lock's holder and the document's managers), mapped by OSGI-INF/deployment-fragment.xml
 * behind Nuxeo's default authentication chain, like the host pages. wopi-servlet's {@link StuckLockServlet}
 * does the work.
 */
public class NuxeoStuckLockServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<WopiHostService> service;
    private transient volatile StuckLockServlet delegate;

    public NuxeoStuckLockServlet() {
        this(WopiHostComponent::service);
    }

    NuxeoStuckLockServlet(Supplier<WopiHostService> service) {
        this.service = service;
    }

    @Override
    public void service(ServletRequest req, ServletResponse res) throws ServletException, IOException {
        StuckLockServlet d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    WopiHostService s = service.get();
                    d = new StuckLockServlet(s.platform(), s.config().settings(), NuxeoHostPageServlet.NUXEO_LOGIN);
                    if (getServletConfig() != null) {
                        d.init(getServletConfig());
                    }
                    delegate = d;
                }
            }
        }
        d.service(req, res);
    }
}
