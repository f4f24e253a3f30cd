package org.wopihost.standalone.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.util.StringUtil;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.engine.HostLinks;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;
import org.wopihost.spi.Permissions;
import org.wopihost.spi.WopiUser;
import org.wopihost.standalone.store.Documents;
import org.wopihost.standalone.store.StandaloneUsers;
import org.wopihost.web.HostPageUsers;

/**
 * {@code GET /}: after login, the documents the user may read and their files, with links to the
 * host pages when a WOPI client is configured.
 */
public final class IndexServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Documents documents;
    private final transient StandaloneUsers users;
    private final transient Permissions permissions;
    private final transient HostPageUsers login;
    private final transient HostLinks links;

    /** @param links the host page links, or null when no WOPI client is configured */
    public IndexServlet(Documents documents, StandaloneUsers users, Permissions permissions, HostPageUsers login,
            HostLinks links) {
        this.documents = documents;
        this.users = users;
        this.permissions = permissions;
        this.login = login;
        this.links = links;
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
        if (links == null) {
            out.println("<p>No WOPI client is configured (<code>nuxeo.wopi.discoveryURL</code>): the WOPI endpoints"
                    + " serve clients that get their tokens from <code>java -jar nuxeo-wopi-standalone.jar token</code>.</p>");
        }
        out.println("<table><tr><th>Document</th><th>File</th><th>xpath</th><th>Size</th><th>Version</th>"
                + (links == null ? "" : "<th>Open</th>") + "</tr>");
        for (Documents.Document doc : documents.list()) {
            for (Documents.Blob file : doc.files()) {
                FileRef ref = new FileRef(Documents.REPOSITORY, doc.id(), file.xpath());
                Optional<Permission> allowed = permissions.of(user.get(), ref);
                if (allowed.isEmpty()) {
                    continue;
                }
                out.printf("<tr><td>%s <small><code>%s</code></small></td><td>%s</td><td><code>%s</code></td>"
                        + "<td>%d</td><td>%d</td>", escape(doc.title()), escape(doc.id()), escape(file.fileName()),
                        escape(file.xpath()), file.size(), file.version());
                if (links != null) {
                    String fileId = FileIdCodec.encode(ref);
                    out.print("<td><a href=\"" + escape(links.hostPage("view", fileId)) + "\">view</a>");
                    if (allowed.get() == Permission.EDIT) {
                        out.print(" <a href=\"" + escape(links.hostPage("edit", fileId)) + "\">edit</a>");
                    }
                    out.print("</td>");
                }
                out.println("</tr>");
            }
        }
        out.println("</table></body></html>");
    }

    private static String escape(String s) {
        return StringUtil.sanitizeXmlString(s);
    }
}
