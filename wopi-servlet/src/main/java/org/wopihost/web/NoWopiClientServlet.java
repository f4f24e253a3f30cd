package org.wopihost.web;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.wopihost.config.ConfigKeys;

/**
 * The host pages ({@code {wopiPath}/view/*}, {@code {wopiPath}/edit/*}) while no WOPI client is
 * configured: the engine still hands their URLs out (CheckFileInfo, PutRelativeFile, GetShareUrl,
 * as the spec and the validator expect), so they answer 503 with a page that says why, never a
 * bare 404.
 */
public class NoWopiClientServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("text/html; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>No online editor configured</title>"
                + "</head><body>");
        out.println("<h1>No online editor configured</h1>");
        out.println("<p>This document would open in a WOPI client (Office for the web, Collabora Online, ...), but"
                + " none is configured for this host.</p>");
        out.println("<p>Administrators: set <code>" + ConfigKeys.DISCOVERY_URL + "</code> to the client's"
                + " discovery URL and restart.</p>");
        out.println("</body></html>");
    }
}
