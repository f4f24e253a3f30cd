package org.wopihost.standalone.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.wopihost.standalone.store.StandaloneUsers;
import org.wopihost.web.HostPageUsers;

/**
 * The standalone host's login for host pages: HTTP Basic against the users' password hashes.
 * Put the host behind HTTPS (a reverse proxy) anywhere but on a loopback address.
 */
public final class BasicAuthUsers implements HostPageUsers {

    private static final String PREFIX = "Basic ";

    private final StandaloneUsers users;

    public BasicAuthUsers(StandaloneUsers users) {
        this.users = users;
    }

    @Override
    public Optional<String> currentUser(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(PREFIX.length()).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0 && users.checkPassword(decoded.substring(0, colon), decoded.substring(colon + 1))) {
                    return Optional.of(decoded.substring(0, colon));
                }
            } catch (IllegalArgumentException e) {
                // not base64: challenge again
            }
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"nuxeo-wopi\", charset=\"UTF-8\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        return Optional.empty();
    }
}
