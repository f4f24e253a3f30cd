package org.wopihost.standalone.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.util.StringUtil;
import org.wopihost.discovery.DiscoveryDocument;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.engine.HostLinks;
import org.wopihost.engine.HostPageChoice;
import org.wopihost.engine.StuckLocks;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.LockInfo;
import org.wopihost.spi.Permission;
import org.wopihost.spi.Permissions;
import org.wopihost.spi.WopiPlatform;
import org.wopihost.spi.WopiUser;
import org.wopihost.standalone.store.Documents;
import org.wopihost.standalone.store.StandaloneUsers;
import org.wopihost.web.HostPageUsers;
import org.wopihost.web.StuckLockServlet;
import org.wopihost.web.WopiClientStatus;

/**
 * {@code GET /}: after login, the documents the user may read and their files, with links to the
 * host pages the WOPI client can honour (the host page's own {@link HostPageChoice}), and whether that
 * client is usable or why not.
 */
public final class IndexServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Documents documents;
    private final transient StandaloneUsers users;
    private final transient Permissions permissions;
    private final transient WopiPlatform platform;
    private final transient StuckLocks locks;
    private final transient HostPageUsers login;
    private final transient HostLinks links;
    private final transient Supplier<WopiClientStatus> client;

    public IndexServlet(Documents documents, StandaloneUsers users, WopiPlatform platform, HostPageUsers login,
            HostLinks links, Supplier<WopiClientStatus> client) {
        this.documents = documents;
        this.users = users;
        this.platform = platform;
        this.permissions = platform.permissions();
        this.locks = new StuckLocks(platform);
        this.login = login;
        this.links = links;
        this.client = client;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals("/") && !path.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<WopiUser> user = login.currentUser(request, response).flatMap(users::find);
        if (user.isEmpty()) {
            return;
        }
        response.setContentType("text/html; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>WOPI host</title>");
        out.println("<style>body{font-family:sans-serif;margin:2em}td,th{padding:.2em 1em;text-align:left}"
                + "code{font-size:90%}</style></head><body>");
        out.println("<h1>nuxeo-wopi standalone host</h1>");
        out.println("<p>Signed in as " + escape(user.get().displayName()) + ".</p>");
        WopiClientStatus status = client.get();
        Optional<DiscoveryDocument> discovery = status.discovery();
        out.println("<p id=\"wopi-client\">" + escape(status.summary()) + "</p>");
        out.println("<table><tr><th>Document</th><th>File</th><th>xpath</th><th>Size</th><th>Version</th>"
                + (discovery.isEmpty() ? "" : "<th>Open</th>") + "<th>Office lock</th></tr>");
        for (Documents.Document doc : documents.list()) {
            for (Documents.Blob file : doc.files()) {
                FileRef ref = new FileRef(Documents.REPOSITORY, doc.id(), file.xpath());
                Optional<Permission> allowed = permissions.of(user.get(), ref);
                if (allowed.isEmpty()) {
                    continue;
                }
                out.printf("<tr id=\"%s\"><td>%s <small><code>%s</code></small></td><td>%s</td><td><code>%s</code></td>"
                        + "<td>%d</td><td>%d</td>", escape(FileIdCodec.encode(ref)), escape(doc.title()), escape(doc.id()),
                        escape(file.fileName()), escape(file.xpath()), file.size(), file.version());
                if (discovery.isPresent()) {
                    out.print("<td>" + actions(discovery.get(), user.get(), ref, file, allowed.get()) + "</td>");
                }
                out.print("<td class=\"lock\">" + lock(ref) + "</td>");
                out.println("</tr>");
            }
        }
        out.println("</table></body></html>");
    }

    /** View and Edit, each only when the host page would open it so (a reader's Edit would be a viewer). */
    private String actions(DiscoveryDocument discovery, WopiUser user, FileRef ref, Documents.Blob file,
            Permission allowed) {
        HostPageChoice.FileFacts facts = new HostPageChoice.FileFacts(file.fileName(), file.size(), allowed,
                () -> permissions.mayCreateSibling(user, ref));
        String fileId = FileIdCodec.encode(ref);
        StringBuilder b = new StringBuilder();
        if (HostPageChoice.choose(discovery, false, facts).isPresent()) {
            b.append("<a class=\"view\" href=\"").append(escape(links.hostPage("view", fileId))).append("\">view</a>");
        }
        if (HostPageChoice.choose(discovery, true, facts).filter(c -> c.permission() == Permission.EDIT).isPresent()) {
            b.append(" <a class=\"edit\" href=\"").append(escape(links.hostPage("edit", fileId))).append("\">edit</a>");
        }
        return b.length() == 0 ? "<small>no application opens this file</small>" : b.toString();
    }

    /** "Being edited in Office by ... since ...", with the page that releases a lock left behind. */
    private String lock(FileRef ref) {
        Optional<LockInfo> lock = locks.holder(ref);
        if (lock.isEmpty()) {
            return "";
        }
        String holder = platform.users().find(lock.get().userId()).map(WopiUser::displayName).orElse(lock.get().userId());
        return "being edited in Office by " + escape(holder) + " since " + escape(lock.get().since().toString())
                + " <a class=\"release\" href=\"" + escape(StuckLockServlet.url(links, FileIdCodec.encode(ref)))
                + "\">release…</a>";
    }

    private static String escape(String s) {
        return StringUtil.sanitizeXmlString(s);
    }
}
