package org.wopihost.standalone.web;

import java.nio.ByteBuffer;

import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error pages (bad requests it refuses itself, {@code sendError} of the servlets) with
 * {@code X-Content-Type-Options: nosniff}, like every other answer of the host: a browser must
 * never take an error page that echoes the request for something else.
 */
public final class NoSniffErrorHandler extends ErrorHandler {

    private static final String HEADER = "X-Content-Type-Options";
    private static final String NOSNIFF = "nosniff";

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().put(HEADER, NOSNIFF);
        return super.handle(request, response, callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HEADER, NOSNIFF);
        return super.badMessageError(status, reason, fields);
    }
}
