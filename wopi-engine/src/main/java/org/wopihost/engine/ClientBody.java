package org.wopihost.engine;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeoutException;

import org.wopihost.spi.ContentTooLargeException;

/**
 * A request body whose read failures are told apart from the store's: a client that went away,
 * stalled or sent too slowly is answered 400 or 408, a disk that failed 500. The one place the host's
 * size limit is applied: a declared size over it is refused before anything is read, and a body that
 * turns out longer fails its read with {@link ContentTooLargeException}, which every store lets through.
 */
final class ClientBody extends FilterInputStream {

    private final long maxBytes;
    private long count;

    private ClientBody(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    /** A body the operation bounds itself (PutUserInfo's few characters). */
    static InputStream open(WopiRequest request) throws IOException {
        return open(request, Long.MAX_VALUE);
    }

    /**
     * The request's body, opened only once the token, the permission and the operation are known.
     *
     * @throws ContentTooLargeException when Content-Length or X-WOPI-Size already says it is too long
     */
    static InputStream open(WopiRequest request, long maxBytes) throws IOException {
        long declared = request.header(WopiHeaders.SIZE).map(ClientBody::parseSize).orElse(-1L);
        if (request.contentLength() > maxBytes || declared > maxBytes) {
            throw new ContentTooLargeException(maxBytes);
        }
        return new ClientBody(request.body(), maxBytes);
    }

    @Override
    public int read() throws IOException {
        int b;
        try {
            b = super.read();
        } catch (IOException e) {
            throw new Failure(e);
        }
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = super.read(b, off, len);
        } catch (IOException e) {
            throw new Failure(e);
        }
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped;
        try {
            skipped = super.skip(n);
        } catch (IOException e) {
            throw new Failure(e);
        }
        counted(skipped);
        return skipped;
    }

    /** No mark/reset: a re-read would count twice. */
    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) throws ContentTooLargeException {
        count += n;
        if (count > maxBytes) {
            throw new ContentTooLargeException(maxBytes);
        }
    }

    private static long parseSize(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The body could not be read to its end: the client's doing. */
    static final class Failure extends IOException {
        private static final long serialVersionUID = 1L;

        Failure(IOException cause) {
            super(cause.getMessage(), cause);
        }

        /** The client kept the connection but stopped sending, or sent too slowly (servlet containers differ). */
        boolean timedOut() {
            for (Throwable t = getCause(); t != null; t = t.getCause()) {
                if (t instanceof TimeoutException || t instanceof InterruptedIOException) {
                    return true;
                }
            }
            return false;
        }
    }
}
