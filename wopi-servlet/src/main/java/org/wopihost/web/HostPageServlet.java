package org.wopihost.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.wopihost.config.WopiSettings;
import org.wopihost.discovery.ActionUrlBuilder;
import org.wopihost.discovery.DiscoveryClient;
import org.wopihost.discovery.DiscoveryUnavailableException;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.engine.HostLinks;
import org.wopihost.engine.HostPageChoice;
import org.wopihost.spi.FileInfo;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.IssuedToken;
import org.wopihost.spi.Permission;
import org.wopihost.spi.WopiPlatform;
import org.wopihost.spi.WopiUser;

/**
 * The host page, {@code {wopiPath}/view/{fileId}} and {@code {wopiPath}/edit/{fileId}}: it issues
 * a token for the logged-in user and that one file, and posts it into a frame of the WOPI client.
 * The frame is created by script after the page has loaded: a static iframe would load the
 * client once empty and once with the form, which Office reports as a locked file. The script
 * (host-page.js) then talks with the editor by PostMessage and renews the token before it expires
 * by POSTing to the page's own URL, which answers a fresh token as JSON.
 */
public class HostPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String FRAME = "office_frame";
    /** The header the page's script sends when it asks for a fresh token; a plain form cannot set it. */
    static final String TOKEN_REQUEST_HEADER = "X-WOPI-Host-Page";
    private static final String SCRIPT = resource("host-page.js");

    private final transient WopiPlatform platform;
    private final transient WopiSettings settings;
    private final transient DiscoveryClient discovery;
    private final transient HostPageUsers users;
    private final transient HostLinks links;

    public HostPageServlet(WopiPlatform platform, WopiSettings settings, DiscoveryClient discovery, HostPageUsers users) {
        this.platform = platform;
        this.settings = settings;
        this.discovery = discovery;
        this.users = users;
        this.links = new HostLinks(settings);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Opening> opening = open(request, response);
        if (opening.isEmpty()) {
            return;
        }
        Opening o = opening.get();
        String actionUrl = ActionUrlBuilder.forAction(o.choice().action())
                .wopiSrc(settings.wopiSrc(o.fileId()))
                .language(request.getLocale())
                .businessUser(settings.businessUsers())
                .build();
        render(response, o, actionUrl);
    }

    /**
     * A fresh token for the same user, file and choice, for the page's script: JSON
     * {@code {"access_token": ..., "access_token_ttl": ...}}. Only a script can send the header
     * asked for, and only a same-origin script can read the answer.
     */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getHeader(TOKEN_REQUEST_HEADER) == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Missing " + TOKEN_REQUEST_HEADER);
            return;
        }
        Optional<Opening> opening = open(request, response);
        if (opening.isEmpty()) {
            return;
        }
        IssuedToken token = opening.get().token();
        response.setContentType("application/json; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().print("{\"access_token\":" + Html.jsonString(token.token()) + ",\"access_token_ttl\":"
                + token.expiresAt().toEpochMilli() + "}");
    }

    /** A HEAD would issue a token nobody receives. */
    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "GET, POST");
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }

    /** What the page opens, with a token for it; empty after having answered the request (login, 404, 503). */
    private Optional<Opening> open(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Mapped on {wopiPath}/view/* and {wopiPath}/edit/*: servlet path and path info together say which.
        String within = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        Optional<HostPagePath> path = HostPagePath.parse(within, settings.wopiPath());
        Optional<FileRef> ref = path.flatMap(p -> FileIdCodec.decode(p.fileId()));
        if (ref.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return Optional.empty();
        }
        Optional<String> userId = users.currentUser(request, response);
        if (userId.isEmpty()) {
            return Optional.empty();
        }
        Optional<WopiUser> user = platform.users().find(userId.get());
        Optional<Permission> allowed = user.flatMap(u -> platform.permissions().of(u, ref.get()));
        Optional<FileInfo> info = allowed.isPresent() ? platform.files().info(ref.get()) : Optional.empty();
        if (info.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return Optional.empty();
        }
        Optional<HostPageChoice> choice;
        try {
            choice = HostPageChoice.choose(discovery.current(), path.get().edit(),
                    new HostPageChoice.FileFacts(info.get().fileName(), info.get().size(), allowed.get(),
                            () -> platform.permissions().mayCreateSibling(user.get(), ref.get())));
        } catch (DiscoveryUnavailableException e) {
            unavailable(response);
            return Optional.empty();
        }
        if (choice.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No application opens " + info.get().fileName());
            return Optional.empty();
        }
        String fileId = path.get().fileId();
        IssuedToken token = choice.get().issueToken(platform.tokens(), user.get().id(), fileId);
        return Optional.of(new Opening(fileId, info.get(), choice.get(), token));
    }

    /** A page that says why nothing opens (a bookmarked link while the client is down), not a bare error. */
    private void unavailable(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "60");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html; charset=utf-8");
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>The online editor cannot be reached</title></head><body>");
        out.println("<h1>The online editor cannot be reached</h1>");
        out.println("<p>The WOPI client's discovery (<code>" + Html.escape(settings.discoveryUrl())
                + "</code>) could not be loaded, so no document can be opened for now. Try again in a minute;"
                + " if it persists, tell your administrator.</p>");
        out.println("<p><a href=\"" + Html.escape(links.closeUrl()) + "\">Back</a></p></body></html>");
    }

    private record Opening(String fileId, FileInfo info, HostPageChoice choice, IssuedToken token) {
    }

    private void render(HttpServletResponse response, Opening o, String actionUrl) throws IOException {
        response.setContentType("text/html; charset=utf-8");
        // The page holds a live token: never cache it, never let another site frame it.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no\">");
        out.println("<title>" + Html.escape(o.info().fileName()) + "</title>");
        String favicon = o.choice().action().favIconUrl();
        if (favicon != null && !favicon.isEmpty()) {
            out.println("<link rel=\"shortcut icon\" href=\"" + Html.escape(favicon) + "\">");
        }
        out.println("<style>html,body{margin:0;padding:0;height:100%;overflow:hidden}"
                + "#office_frame{width:100%;height:100%;position:absolute;top:0;left:0;right:0;bottom:0;"
                + "margin:0;border:none;display:block}</style></head><body>");
        out.println("<form id=\"office_form\" name=\"office_form\" target=\"" + FRAME + "\" action=\""
                + Html.escape(actionUrl) + "\" method=\"post\">");
        out.println("<input name=\"access_token\" value=\"" + Html.escape(o.token().token()) + "\" type=\"hidden\">");
        out.println("<input name=\"access_token_ttl\" value=\"" + o.token().expiresAt().toEpochMilli() + "\" type=\"hidden\">");
        out.println("</form>");
        out.println("<span id=\"frameholder\"></span>");
        out.println("<script type=\"application/json\" id=\"wopihost-page\">" + Html.jsonObject(pageSettings(o, actionUrl))
                + "</script>");
        out.println("<script>" + SCRIPT + "</script>");
        out.println("</body></html>");
    }

    /** What host-page.js needs: whom to trust, and where each message of the editor leads. */
    private Map<String, String> pageSettings(Opening o, String actionUrl) {
        Map<String, String> page = new LinkedHashMap<>();
        page.put("editorOrigin", HostLinks.origin(actionUrl));
        page.put("closeUrl", links.closeUrl(o.fileId(), o.info()));
        if (o.choice().permission() == Permission.VIEW) {
            // The edit page decides again: a reader who gets there is shown the viewer.
            page.put("editUrl", links.hostPage("edit", o.fileId()));
        }
        links.fileSharingUrl(o.fileId(), o.info()).ifPresent(url -> page.put("sharingUrl", url));
        links.fileVersionsUrl(o.fileId(), o.info()).ifPresent(url -> page.put("versionsUrl", url));
        return page;
    }

    private static String resource(String name) {
        try (InputStream in = HostPageServlet.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code /{wopiPath}/view/{fileId}} or {@code /{wopiPath}/edit/{fileId}}. */
    record HostPagePath(boolean edit, String fileId) {
        static Optional<HostPagePath> parse(String path, String wopiPath) {
            String prefix = "/" + wopiPath + "/";
            if (path == null || !path.startsWith(prefix)) {
                return Optional.empty();
            }
            String[] parts = path.substring(prefix.length()).split("/", -1);
            if (parts.length != 2 || parts[1].isEmpty()) {
                return Optional.empty();
            }
            return switch (parts[0]) {
                case "view" -> Optional.of(new HostPagePath(false, parts[1]));
                case "edit" -> Optional.of(new HostPagePath(true, parts[1]));
                default -> Optional.empty();
            };
        }
    }
}
