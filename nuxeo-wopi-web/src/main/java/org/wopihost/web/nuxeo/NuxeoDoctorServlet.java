package org.wopihost.web.nuxeo;

import java.io.IOException;
import java.io.PrintWriter;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.wopihost.doctor.Finding;
import org.wopihost.doctor.WopiDoctor;
import org.wopihost.nuxeo.WopiHostComponent;
import org.wopihost.nuxeo.WopiHostService;

/**
 * {@code GET /wopihost/doctor}, for administrators only: the add-on's configuration checked as the WOPI
 * client will meet it (discovery, proof keys, the clock, the base URL, the largest body that passes),
 * each finding as a line of text with its fix, as the standalone host's {@code doctor} command prints
 * them. Nuxeo's default authentication chain logs the user in (session, form, SSO).
 */
public class NuxeoDoctorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<WopiHostService> service;

    public NuxeoDoctorServlet() {
        this(WopiHostComponent::service);
    }

    NuxeoDoctorServlet(Supplier<WopiHostService> service) {
        this.service = service;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal principal = request.getUserPrincipal();
        if (!(principal instanceof NuxeoPrincipal nuxeo) || !nuxeo.isAdministrator()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Administrators only");
            return;
        }
        List<Finding> findings = new WopiDoctor(service.get().config().settings(), Clock.systemUTC()).examine();
        long failed = findings.stream().filter(f -> f.verdict() == Finding.Verdict.FAIL).count();
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        findings.forEach(out::println);
        out.println(failed == 0 ? "No problem found." : failed + " problem(s) found.");
    }
}
