package org.wopihost.standalone.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand over a socket, for what a well-behaved client cannot send: malformed
 * escapes, raw 8-bit header bytes, bodies that stall.
 */
final class RawHttp implements AutoCloseable {

    /** A response as read off the wire: status, headers (lower-case names), body. */
    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    /** A connection to the host and port of {@code url}. */
    static RawHttp open(String url) throws IOException {
        URI uri = URI.create(url);
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
        socket.setSoTimeout(60_000);
        return new RawHttp(socket);
    }

    /** Writes a request head: the request line, {@code Host}, the given header lines (raw bytes), a blank line. */
    RawHttp head(String method, String target, byte[]... headerLines) throws IOException {
        // One write: a server that refuses a bad line may close before a second one.
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] line : headerLines) {
            head.writeBytes(line);
            head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return send(head.toByteArray());
    }

    RawHttp send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    /** Reads one response (by Content-Length; the whole rest when it has none). */
    Response response() throws IOException {
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        String length = headers.get("content-length");
        byte[] body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
        return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers,
                new String(body, StandardCharsets.UTF_8));
    }

    /** A header line with raw bytes, as given. */
    static byte[] header(String name, byte[] value) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes((name + ": ").getBytes(StandardCharsets.US_ASCII));
        line.writeBytes(value);
        return line.toByteArray();
    }

    static byte[] header(String name, String asciiValue) {
        return header(name, asciiValue.getBytes(StandardCharsets.US_ASCII));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("The connection closed mid-response: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
