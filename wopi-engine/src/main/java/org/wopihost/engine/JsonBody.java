package org.wopihost.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small JSON object response body, serialized once so its length is known. Its fields are written
 * one by one: strings, booleans and numbers straight to the generator, anything else through
 * the mapper. Jackson's map serializer cost a tenth of a CheckFileInfo (bench/run.sh).
 */
final class JsonBody implements WopiResponse.Body {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final byte[] bytes;

    private JsonBody(byte[] bytes) {
        this.bytes = bytes;
    }

    static WopiResponse.Body of(Map<String, ?> fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = MAPPER.createGenerator(bytes)) {
            json.writeStartObject();
            for (Map.Entry<String, ?> field : fields.entrySet()) {
                json.writeFieldName(field.getKey());
                Object value = field.getValue();
                if (value instanceof String text) {
                    json.writeString(text);
                } else if (value instanceof Boolean flag) {
                    json.writeBoolean(flag);
                } else if (value instanceof Integer number) {
                    json.writeNumber(number);
                } else if (value instanceof Long number) {
                    json.writeNumber(number);
                } else {
                    json.writeObject(value);
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialize a response", e);
        }
        return new JsonBody(bytes.toByteArray());
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
