package org.wopihost.standalone.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /health}: 200 once the server is started and its database answers. */
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient java.util.function.BooleanSupplier databaseUp;

    public HealthServlet(java.util.function.BooleanSupplier databaseUp) {
        this.databaseUp = databaseUp;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean up = databaseUp.getAsBoolean();
        response.setStatus(up ? 200 : 503);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    }
}
