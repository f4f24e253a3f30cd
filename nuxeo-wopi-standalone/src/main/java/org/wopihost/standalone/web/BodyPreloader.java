package org.wopihost.standalone.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the start of each request body, up to {@link #LIMIT} bytes, before a worker thread runs
 * the servlets, which read bodies blocking. A client that sends a small body slowly (a PutUserInfo,
 * one byte every few seconds) then costs a connection and a small buffer, never a blocked thread;
 * a large body (PutFile) is dispatched once that much has arrived and streams the rest. A body that
 * fails first (the client went away, stalled, or sent too slowly) is answered 400 or 408 here.
 * Jetty's own EagerContentHandler retains the network buffers instead of copying, so a body
 * trickling in one byte at a time would pin a whole buffer per byte.
 */
public final class BodyPreloader extends Handler.Wrapper {

    /** More than any small body WOPI has (PutUserInfo: 1024 characters). */
    static final int LIMIT = 8 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(BodyPreloader.class);

    public BodyPreloader(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields headers = request.getHeaders();
        if (headers.getLongField(HttpHeader.CONTENT_LENGTH) <= 0 && !headers.contains(HttpHeader.TRANSFER_ENCODING)) {
            return super.handle(request, response, callback);
        }
        new Preload(getHandler(), request, response, callback).read(false);
        return true;
    }

    /** The request as the servlets see it: what arrived first, then the rest of the body, if any. */
    private static final class Preload extends Request.Wrapper implements Invocable.Task {
        private final Handler next;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        /** The body's last chunk once seen; null while more may come. */
        private Content.Chunk end;
        private boolean replayed;

        Preload(Handler next, Request request, Response response, Callback callback) {
            super(request);
            this.next = next;
            this.response = response;
            this.callback = callback;
        }

        /** More of the body arrived. */
        @Override
        public void run() {
            read(true);
        }

        /** Copying never blocks: the selector may call back, and the servlets run on a worker thread. */
        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        /**
         * Reads what has arrived; waits (without a thread) for more until the body ends or the limit.
         *
         * @param calledBack whether more content was announced by a callback, which must not block:
         *                   the servlets then run on another thread
         */
        void read(boolean calledBack) {
            while (received.size() < LIMIT) {
                Content.Chunk chunk = getWrapped().read();
                if (chunk == null) {
                    getWrapped().demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    // Gone, stalled or too slow before any servlet saw the request: answered here.
                    int status = chunk.getFailure() instanceof TimeoutException ? 408 : 400;
                    LOG.debug("{} for {}: {}", status, Request.getRemoteAddr(this), chunk.getFailure().toString());
                    proceed(calledBack, () -> Response.writeError(this, response, callback, status));
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                received.writeBytes(copy);
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    end = Content.Chunk.EOF;
                    break;
                }
            }
            proceed(calledBack, this::dispatch);
        }

        /** Runs {@code action} here, or on a worker thread when called back (which must not block). */
        private void proceed(boolean calledBack, Runnable action) {
            if (calledBack) {
                getContext().execute(action);
            } else {
                action.run();
            }
        }

        private void dispatch() {
            try {
                if (!next.handle(this, response, callback)) {
                    Response.writeError(this, response, callback, 404);
                }
            } catch (Throwable x) {
                Response.writeError(this, response, callback, x);
            }
        }

        @Override
        public Content.Chunk read() {
            if (!replayed) {
                replayed = true;
                return Content.Chunk.from(ByteBuffer.wrap(received.toByteArray()), end == Content.Chunk.EOF);
            }
            return end != null ? end : super.read();
        }

        @Override
        public void demand(Runnable onContent) {
            if (!replayed || end != null) {
                getContext().execute(onContent);
            } else {
                super.demand(onContent);
            }
        }
    }
}
