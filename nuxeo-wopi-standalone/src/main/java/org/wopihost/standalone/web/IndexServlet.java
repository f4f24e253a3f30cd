package org.wopihost.standalone.web;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.util.StringUtil;
import org.wopihost.standalone.store.Documents;

/** {@code GET /}: the documents and their files, as a plain page. */
public final class IndexServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Documents documents;

    public IndexServlet(Documents documents) {
        this.documents = documents;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals("/") && !path.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/html; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>WOPI host</title>");
        out.println("<style>body{font-family:sans-serif;margin:2em}td,th{padding:.2em 1em;text-align:left}"
                + "code{font-size:90%}</style></head><body>");
        out.println("<h1>nuxeo-wopi standalone host</h1>");
        out.println("<p>Get an access token with <code>java -jar nuxeo-wopi-standalone.jar token --data DIR"
                + " --user alice --doc ID</code>.</p>");
        out.println("<table><tr><th>Document</th><th>Id</th><th>File</th><th>xpath</th><th>Size</th><th>Version</th></tr>");
        for (Documents.Document doc : documents.list()) {
            for (Documents.Blob file : doc.files()) {
                out.printf("<tr><td>%s</td><td><code>%s</code></td><td>%s</td><td><code>%s</code></td>"
                        + "<td>%d</td><td>%d</td></tr>%n", StringUtil.sanitizeXmlString(doc.title()), StringUtil.sanitizeXmlString(doc.id()),
                        StringUtil.sanitizeXmlString(file.fileName()), StringUtil.sanitizeXmlString(file.xpath()), file.size(), file.version());
            }
        }
        out.println("</table></body></html>");
    }
}
