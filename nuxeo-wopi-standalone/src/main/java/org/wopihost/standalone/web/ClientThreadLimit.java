package org.wopihost.standalone.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

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
 * <p>
 * Each address has a counter of its own, taken and given back without locking: a map entry updated
 * under the map's lock was where 64 requests from one address queued (bench/run.sh).
 */
public final class ClientThreadLimit extends Handler.Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger(ClientThreadLimit.class);

    private final int limit;
    private final ConcurrentHashMap<String, AtomicInteger> busy = new ConcurrentHashMap<>();

    public ClientThreadLimit(Handler handler, int limit) {
        super(handler);
        this.limit = limit;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String client = Request.getRemoteAddr(request);
        AtomicInteger count = acquire(client);
        if (count == null) {
            LOG.debug("503 for {}: already {} requests in progress", client, limit);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            Response.writeError(request, response, callback, 503);
            return true;
        }
        boolean handled = false;
        try {
            handled = super.handle(request, response, Callback.from(callback, () -> release(client, count)));
            return handled;
        } finally {
            if (!handled) {
                release(client, count);
            }
        }
    }

    /** Counts one more request of {@code client}: its counter, or null when it is at the cap. */
    private AtomicInteger acquire(String client) {
        while (true) {
            AtomicInteger count = busy.computeIfAbsent(client, k -> new AtomicInteger());
            int n = count.get();
            if (n >= limit) {
                return null;
            }
            // A negative count is a counter being removed: take the next one from the map.
            if (n >= 0 && count.compareAndSet(n, n + 1)) {
                return count;
            }
        }
    }

    /** The last request of a client removes its counter, retired first so that no one counts on it. */
    private void release(String client, AtomicInteger count) {
        if (count.decrementAndGet() == 0 && count.compareAndSet(0, -1)) {
            busy.remove(client, count);
        }
    }
}
