package org.wopihost.engine;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * A request body whose read failures are told apart from the store's: a client that went away,
 * stalled or sent too slowly is answered 400 or 408, a disk that failed 500.
 */
final class ClientBody extends FilterInputStream {

    private ClientBody(InputStream in) {
        super(in);
    }

    /** The request's body, opened only once the token, the permission and the operation are known. */
    static InputStream open(WopiRequest request) throws IOException {
        return new ClientBody(request.body());
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw new Failure(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw new Failure(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            throw new Failure(e);
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

        /** The failure of a client body somewhere in {@code e}'s causes, however a store wrapped it. */
        static Optional<Failure> in(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Failure failure) {
                    return Optional.of(failure);
                }
            }
            return Optional.empty();
        }
    }
}
