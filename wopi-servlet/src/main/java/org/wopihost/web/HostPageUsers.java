package org.wopihost.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** How the platform knows who is looking at a host page: its own login, not a WOPI token. */
@FunctionalInterface
public interface HostPageUsers {

    /**
     * The id of the logged-in user, or empty after having answered the request itself (with a login
     * challenge, say).
     */
    Optional<String> currentUser(HttpServletRequest request, HttpServletResponse response) throws IOException;
}
