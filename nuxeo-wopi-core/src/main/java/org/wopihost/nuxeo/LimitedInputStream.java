package org.wopihost.nuxeo;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.wopihost.spi.ContentTooLargeException;

/** Passes at most {@code maxBytes} through, then fails with {@link ContentTooLargeException}. */
final class LimitedInputStream extends FilterInputStream {

    private final long maxBytes;
    private long count;

    LimitedInputStream(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        add(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void add(long n) throws ContentTooLargeException {
        count += n;
        if (count > maxBytes) {
            throw new ContentTooLargeException(maxBytes);
        }
    }
}
