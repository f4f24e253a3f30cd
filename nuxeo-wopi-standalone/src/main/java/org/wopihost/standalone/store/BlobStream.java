package org.wopihost.standalone.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A blob's bytes, read from its open file. Sent whole to an output that also takes byte buffers (a
 * {@link WritableByteChannel}: the host's responses are, see {@code ByteBufferResponses}), the file
 * is mapped a window at a time and each window handed over as it is: the bytes go from the page
 * cache to the socket without passing through the Java heap, and a window costs address space,
 * not heap. Blobs are immutable and never truncated, so a mapping always stays valid; a blob
 * deleted meanwhile (an old version pruned) lives on until its mappings are collected.
 */
final class BlobStream extends InputStream {

    /** Windows of the JDK's own mapped transfers (FileChannel.transferTo). */
    private static final long WINDOW = 8L << 20;
    private static final int BUFFER = 64 * 1024;

    private final FileChannel file;

    BlobStream(FileChannel file) {
        this.file = file;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return len == 0 ? 0 : file.read(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public long skip(long n) throws IOException {
        long from = file.position();
        long to = Math.min(file.size(), from + Math.max(0, n));
        file.position(to);
        return to - from;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(Integer.MAX_VALUE, file.size() - file.position());
    }

    /** The rest of the blob: mapped to a channel, else in 64 KiB writes (the JDK's are 8 KiB). */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        long from = file.position();
        long size = file.size();
        if (out instanceof WritableByteChannel channel) {
            for (long at = from; at < size; at += WINDOW) {
                ByteBuffer window = file.map(FileChannel.MapMode.READ_ONLY, at, Math.min(WINDOW, size - at));
                while (window.hasRemaining()) {
                    channel.write(window);
                }
                file.position(at + window.capacity());
            }
            return size - from;
        }
        byte[] buffer = new byte[BUFFER];
        long sent = 0;
        for (int n; (n = read(buffer, 0, BUFFER)) >= 0;) {
            out.write(buffer, 0, n);
            sent += n;
        }
        return sent;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
