package org.wopihost.standalone.web;

import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the requests one client address has in the servlets at once, so that no client can hold
 * every worker thread (uploading slowly, say): beyond the cap it is answered 503 with
 * {@code Retry-After}. Jetty's ThreadLimitHandler queues instead, but its content callbacks need
 * a thread permit too, which servlets blocked reading their bodies hold: at the cap they wait on
 * each other.
 */
public final class ClientThreadLimit extends Handler.Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger(ClientThreadLimit.class);

    private final int limit;
    private final ConcurrentHashMap<String, Integer> busy = new ConcurrentHashMap<>();

    public ClientThreadLimit(Handler handler, int limit) {
        super(handler);
        this.limit = limit;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String client = Request.getRemoteAddr(request);
        if (busy.merge(client, 1, Integer::sum) > limit) {
            release(client);
            LOG.debug("503 for {}: already {} requests in progress", client, limit);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            Response.writeError(request, response, callback, 503);
            return true;
        }
        boolean handled = false;
        try {
            handled = super.handle(request, response, Callback.from(callback, () -> release(client)));
            return handled;
        } finally {
            if (!handled) {
                release(client);
            }
        }
    }

    private void release(String client) {
        busy.computeIfPresent(client, (k, n) -> n == 1 ? null : n - 1);
    }
}
