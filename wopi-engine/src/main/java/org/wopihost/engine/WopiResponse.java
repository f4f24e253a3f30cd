package org.wopihost.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the web layer writes back: a status, headers and an optional streamed body. */
public final class WopiResponse {

    /** A body written straight to the client, so file content never sits in memory. */
    public interface Body {
        String contentType();

        /** The length in bytes, or -1 when unknown. */
        long length();

        void writeTo(OutputStream out) throws IOException;
    }

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Body body;

    private WopiResponse(int status, Body body) {
        this.status = status;
        this.body = body;
    }

    public static WopiResponse status(int status) {
        return new WopiResponse(status, null);
    }

    public static WopiResponse ok() {
        return status(200);
    }

    public static WopiResponse body(int status, Body body) {
        return new WopiResponse(status, body);
    }

    public WopiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** The body, or null when the response has none. */
    public Body body() {
        return body;
    }
}
