package org.wopihost.standalone.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.eclipse.jetty.ee10.servlet.HttpOutput;

/**
 * Makes the responses' output stream a {@link WritableByteChannel} as well, so that a body that
 * has its bytes in a buffer (GetFile: a blob's file, mapped) hands Jetty that buffer as it is.
 * Jetty writes a buffer it is given straight to the socket; bytes written as arrays are first
 * copied into its own buffers, then into a native one by the JDK. Servlet 6.0 has no way to write
 * a buffer; Jetty's output stream has one.
 */
public final class ByteBufferResponses implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!((HttpServletRequest) request).getRequestURI().endsWith("/contents")) {
            chain.doFilter(request, response); // no file bytes to send
            return;
        }
        chain.doFilter(request, new HttpServletResponseWrapper((HttpServletResponse) response) {
            @Override
            public ServletOutputStream getOutputStream() throws IOException {
                ServletOutputStream out = super.getOutputStream();
                return out instanceof HttpOutput jetty ? new ChannelOutput(jetty) : out;
            }
        });
    }

    /** Jetty's output stream, which also takes whole buffers. */
    private static final class ChannelOutput extends ServletOutputStream implements WritableByteChannel {
        private final HttpOutput jetty;

        ChannelOutput(HttpOutput jetty) {
            this.jetty = jetty;
        }

        /** Blocks until the buffer is written, as the stream's writes do. */
        @Override
        public int write(ByteBuffer buffer) throws IOException {
            int length = buffer.remaining();
            jetty.write(buffer);
            buffer.position(buffer.limit());
            return length;
        }

        @Override
        public boolean isOpen() {
            return !jetty.isClosed();
        }

        @Override
        public void write(int b) throws IOException {
            jetty.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            jetty.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            jetty.flush();
        }

        @Override
        public void close() throws IOException {
            jetty.close();
        }

        @Override
        public boolean isReady() {
            return jetty.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            jetty.setWriteListener(listener);
        }
    }
}
