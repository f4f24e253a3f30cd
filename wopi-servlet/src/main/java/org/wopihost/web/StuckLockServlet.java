package org.wopihost.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.wopihost.config.WopiSettings;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.engine.HostLinks;
import org.wopihost.engine.StuckLocks;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.LockInfo;
import org.wopihost.spi.WopiPlatform;
import org.wopihost.spi.WopiUser;

/**
 * {@code {wopiPath}/release/{fileId}}: a lock a closed browser left behind, released by a person. GET
 * shows who holds it since when and warns what releasing means; its form POSTs back here, and
 * {@link StuckLocks} releases it for the holder or a manager of the document (and logs who did). The
 * POST must come from our own pages: a login the browser sends by itself (HTTP Basic, a session
 * cookie) must not let another site release locks.
 */
public class StuckLockServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient WopiPlatform platform;
    private final transient WopiSettings settings;
    private final transient HostPageUsers users;
    private final transient StuckLocks locks;
    private final transient HostLinks links;

    public StuckLockServlet(WopiPlatform platform, WopiSettings settings, HostPageUsers users) {
        this.platform = platform;
        this.settings = settings;
        this.users = users;
        this.locks = new StuckLocks(platform);
        this.links = new HostLinks(settings);
    }

    /** The page of the release of {@code fileId}'s lock. */
    public static String url(HostLinks links, String fileId) {
        return links.hostPage("release", fileId);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Subject> subject = subject(request, response);
        if (subject.isEmpty()) {
            return;
        }
        FileRef file = subject.get().file();
        WopiUser user = subject.get().user();
        Optional<LockInfo> lock = locks.holder(file);
        PrintWriter out = page(response, HttpServletResponse.SC_OK);
        if (lock.isEmpty()) {
            out.println("<p>Nobody is editing this file in Office now: there is no lock to release.</p>");
        } else {
            String holder = displayName(lock.get().userId());
            out.println("<p id=\"holder\">Being edited in Office by " + Html.escape(holder) + " since "
                    + Html.escape(lock.get().since().toString()) + ".</p>");
            if (lock.get().userId().equals(user.id()) || platform.permissions().mayManage(user, file)) {
                out.println("<p><strong>Release the lock only if nobody is editing any more</strong> (a browser"
                        + " closed without Office unlocking the file). If " + Html.escape(holder) + " is still"
                        + " editing, their next save may be refused.</p>");
                out.println("<form method=\"post\"><button id=\"release\" type=\"submit\">Release the lock</button></form>");
            } else {
                out.println("<p>Only " + Html.escape(holder) + " or a manager of the document may release it;"
                        + " it expires by itself 30 minutes after Office last refreshed it.</p>");
            }
        }
        out.println("<p><a href=\"" + Html.escape(links.closeUrl()) + "\">Back</a></p></body></html>");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equals(links.postMessageOrigin())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Not from this site");
            return;
        }
        Optional<Subject> subject = subject(request, response);
        if (subject.isEmpty()) {
            return;
        }
        if (locks.release(subject.get().file(), subject.get().user()) == StuckLocks.Outcome.REFUSED) {
            PrintWriter out = page(response, HttpServletResponse.SC_FORBIDDEN);
            out.println("<p>Only the user who holds the lock or a manager of the document may release it.</p></body></html>");
            return;
        }
        // Released, or nothing left to release: back to the documents.
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(links.closeUrl());
    }

    private record Subject(FileRef file, WopiUser user) {
    }

    /** The file and the logged-in user who may see it; empty after having answered (login, 404). */
    private Optional<Subject> subject(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String within = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String prefix = "/" + settings.wopiPath() + "/release/";
        Optional<FileRef> file = within.startsWith(prefix) ? FileIdCodec.decode(within.substring(prefix.length()))
                : Optional.empty();
        if (file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return Optional.empty();
        }
        Optional<String> userId = users.currentUser(request, response);
        if (userId.isEmpty()) {
            return Optional.empty();
        }
        Optional<WopiUser> user = platform.users().find(userId.get())
                .filter(u -> platform.permissions().of(u, file.get()).isPresent());
        if (user.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return Optional.empty();
        }
        return Optional.of(new Subject(file.get(), user.get()));
    }

    private String displayName(String userId) {
        return platform.users().find(userId).map(WopiUser::displayName).orElse(userId);
    }

    private static PrintWriter page(HttpServletResponse response, int status) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "DENY");
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Release the lock</title>"
                + "</head><body style=\"font-family:sans-serif;margin:2em\"><h1>Release the Office lock</h1>");
        return out;
    }
}
