package org.wopihost.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.wopihost.config.WopiSettings;
import org.wopihost.discovery.ActionUrlBuilder;
import org.wopihost.discovery.DiscoveryClient;
import org.wopihost.discovery.DiscoveryUnavailableException;
import org.wopihost.discovery.WopiAction;
import org.wopihost.engine.FileIdCodec;
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
 * client once empty and once with the form, which Office reports as a locked file.
 */
public class HostPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String FRAME = "office_frame";

    private final transient WopiPlatform platform;
    private final transient WopiSettings settings;
    private final transient DiscoveryClient discovery;
    private final transient HostPageUsers users;

    public HostPageServlet(WopiPlatform platform, WopiSettings settings, DiscoveryClient discovery, HostPageUsers users) {
        this.platform = platform;
        this.settings = settings;
        this.discovery = discovery;
        this.users = users;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Mapped on {wopiPath}/view/* and {wopiPath}/edit/*: servlet path and path info together say which.
        String within = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        Optional<HostPagePath> path = HostPagePath.parse(within, settings.wopiPath());
        Optional<FileRef> ref = path.flatMap(p -> FileIdCodec.decode(p.fileId()));
        if (ref.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<String> userId = users.currentUser(request, response);
        if (userId.isEmpty()) {
            return;
        }
        Optional<WopiUser> user = platform.users().find(userId.get());
        Optional<Permission> allowed = user.flatMap(u -> platform.permissions().of(u, ref.get()));
        Optional<FileInfo> info = allowed.isPresent() ? platform.files().info(ref.get()) : Optional.empty();
        if (info.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // Asking to edit what one may only read opens it for reading.
        Permission permission = path.get().edit() && allowed.get() == Permission.EDIT ? Permission.EDIT : Permission.VIEW;
        String fileName = info.get().fileName();
        Optional<WopiAction> action = Optional.empty();
        try {
            if (permission == Permission.EDIT) {
                action = editAction(fileName, info.get().size() == 0,
                        platform.permissions().mayCreateSibling(user.get(), ref.get()));
            }
            if (action.isEmpty()) {
                permission = Permission.VIEW;
                action = findAction("view", fileName);
            }
        } catch (DiscoveryUnavailableException e) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The WOPI client cannot be reached");
            return;
        }
        if (action.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No application opens " + fileName);
            return;
        }
        String fileId = path.get().fileId();
        IssuedToken token = platform.tokens().issue(user.get().id(), fileId, permission);
        String actionUrl = ActionUrlBuilder.forAction(action.get())
                .wopiSrc(settings.wopiSrc(fileId))
                .language(request.getLocale())
                .businessUser(settings.businessUsers())
                .build();
        render(response, info.get().fileName(), action.get().favIconUrl(), actionUrl, token);
    }

    /** A HEAD would issue a token nobody receives. */
    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "GET");
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }

    /**
     * How to edit: {@code editnew} for an empty file (Office's own new-document flow), else
     * {@code edit}, else {@code convert} for a legacy format Office edits only once converted (it
     * then saves the converted file next to the original with PutRelativeFile, which the user must
     * be allowed to do).
     */
    private Optional<WopiAction> editAction(String fileName, boolean empty, boolean mayCreateSibling) {
        Optional<WopiAction> action = empty ? findAction("editnew", fileName) : Optional.empty();
        if (action.isEmpty()) {
            action = findAction("edit", fileName);
        }
        if (action.isEmpty() && mayCreateSibling) {
            action = findAction("convert", fileName);
        }
        return action;
    }

    private Optional<WopiAction> findAction(String name, String fileName) {
        return discovery.current().findForFile(name, fileName);
    }

    private static void render(HttpServletResponse response, String title, String favicon, String actionUrl,
            IssuedToken token) throws IOException {
        response.setContentType("text/html; charset=utf-8");
        // The page holds a live token: never cache it, never let another site frame it.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no\">");
        out.println("<title>" + Html.escape(title) + "</title>");
        if (favicon != null && !favicon.isEmpty()) {
            out.println("<link rel=\"shortcut icon\" href=\"" + Html.escape(favicon) + "\">");
        }
        out.println("<style>html,body{margin:0;padding:0;height:100%;overflow:hidden}"
                + "#office_frame{width:100%;height:100%;position:absolute;top:0;left:0;right:0;bottom:0;"
                + "margin:0;border:none;display:block}</style></head><body>");
        out.println("<form id=\"office_form\" name=\"office_form\" target=\"" + FRAME + "\" action=\""
                + Html.escape(actionUrl) + "\" method=\"post\">");
        out.println("<input name=\"access_token\" value=\"" + Html.escape(token.token()) + "\" type=\"hidden\">");
        out.println("<input name=\"access_token_ttl\" value=\"" + token.expiresAt().toEpochMilli() + "\" type=\"hidden\">");
        out.println("</form>");
        out.println("<span id=\"frameholder\"></span>");
        out.println("<script>(function(){var frame=document.createElement('iframe');frame.name='" + FRAME
                + "';frame.id='" + FRAME + "';frame.title='Office';"
                + "frame.setAttribute('allowfullscreen','true');"
                + "frame.setAttribute('sandbox','allow-scripts allow-same-origin allow-forms allow-popups"
                + " allow-top-navigation allow-popups-to-escape-sandbox allow-downloads allow-modals');"
                + "frame.setAttribute('allow','clipboard-read *; clipboard-write *');"
                + "document.getElementById('frameholder').appendChild(frame);"
                + "document.getElementById('office_form').submit();})();</script>");
        out.println("</body></html>");
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
