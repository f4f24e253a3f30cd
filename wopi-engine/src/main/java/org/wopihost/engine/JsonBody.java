package org.wopihost.engine;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small JSON response body, serialized once so its length is known. */
final class JsonBody implements WopiResponse.Body {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final byte[] bytes;

    private JsonBody(byte[] bytes) {
        this.bytes = bytes;
    }

    static WopiResponse.Body of(Object value) {
        try {
            return new JsonBody(MAPPER.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize a response", e);
        }
    }

    @Override
    public String contentType() {
        return "application/json; charset=utf-8";
    }

    @Override
    public long length() {
        return bytes.length;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
    }
}
