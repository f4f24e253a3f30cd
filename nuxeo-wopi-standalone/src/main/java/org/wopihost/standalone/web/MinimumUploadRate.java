package org.wopihost.standalone.web;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;

/**
 * Fails a request body that arrives slower than a minimum average rate once a grace period has
 * passed: such a client holds a connection, and a thread once the body is being read, for nothing.
 * The reader gets a {@link TimeoutException}, which the WOPI engine answers 408. A body that stops
 * altogether is the idle timeout's. (Jetty's MinimumDataRateHandler measures the bytes of all the
 * requests it has seen, not those of each request.)
 */
public final class MinimumUploadRate extends Handler.Wrapper {

    private final long bytesPerSecond;
    private final long graceNanos;

    public MinimumUploadRate(Handler handler, long bytesPerSecond, Duration grace) {
        super(handler);
        this.bytesPerSecond = bytesPerSecond;
        this.graceNanos = grace.toNanos();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(new Measured(request), response, callback);
    }

    private final class Measured extends Request.Wrapper {
        private long received;
        private Content.Chunk tooSlow;

        Measured(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            if (tooSlow != null) {
                return tooSlow;
            }
            Content.Chunk chunk = super.read();
            if (chunk != null && !Content.Chunk.isFailure(chunk)) {
                received += chunk.remaining();
            }
            return chunk;
        }

        /** The reader wants more: a fair moment to see whether the body keeps up. */
        @Override
        public void demand(Runnable onContent) {
            long elapsed = NanoTime.since(getHeadersNanoTime());
            if (tooSlow == null && elapsed > graceNanos && received * 1_000_000_000L / elapsed < bytesPerSecond) {
                tooSlow = Content.Chunk.from(new TimeoutException("The request body came at less than "
                        + bytesPerSecond + " bytes/s: " + received + " bytes in " + elapsed / 1_000_000 + " ms"), true);
            }
            if (tooSlow != null) {
                getContext().execute(onContent);
            } else {
                super.demand(onContent);
            }
        }
    }
}
