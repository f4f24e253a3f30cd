package org.wopihost.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Microsoft asks that the WOPI endpoints live on a host name that serves nothing else. When the
 * WOPI base URL names such a host (another host than the one users browse), every request that
 * arrives for that host outside the WOPI file paths is refused with 404.
 */
public class DedicatedWopiHostFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final String wopiHost;
    private final String wopiFilesPrefix;

    /**
     * @param baseUrl   the WOPI base URL ({@code nuxeo.wopi.baseURL})
     * @param publicUrl the URL users browse ({@code nuxeo.url})
     * @param filesPath the path under which WOPI files are served, e.g. {@code /wopi/files/}
     */
    public DedicatedWopiHostFilter(String baseUrl, String publicUrl, String filesPath) {
        String base = host(baseUrl);
        this.wopiHost = base.equals(host(publicUrl)) ? null : base;
        this.wopiFilesPrefix = filesPath;
    }

    /** Whether the configuration puts WOPI on a host name of its own. */
    public boolean isActive() {
        return wopiHost != null;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (wopiHost != null && wopiHost.equals(hostOf(request))) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!path.startsWith(wopiFilesPrefix)) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String host(String url) {
        return URI.create(url).getHost().toLowerCase(Locale.ROOT);
    }

    /** The host the client asked for (Host header), without port. */
    private static String hostOf(HttpServletRequest request) {
        return request.getServerName().toLowerCase(Locale.ROOT);
    }
}
