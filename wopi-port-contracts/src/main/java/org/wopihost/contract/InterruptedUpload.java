package org.wopihost.contract;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.wopihost.engine.WopiRequest;

/**
 * A PutFile handed to an engine in process, whose body runs {@code meanwhile} before its first byte is
 * read: what happens while a long upload is under way (its lock taken by another client, its document
 * deleted), at exactly that point, which HTTP cannot time. Each platform's tests give it to that
 * platform's engine.
 */
public record InterruptedUpload(String fileId, String accessToken, String url, Map<String, String> headers,
        byte[] content, Runnable meanwhile) implements WopiRequest {

    /** @param headers name, value, name, value... besides {@code X-WOPI-Override: PUT} */
    public static InterruptedUpload putFile(String fileId, String token, String url, byte[] content,
            Runnable meanwhile, String... headers) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.put("X-WOPI-Override", "PUT");
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        return new InterruptedUpload(fileId, token, url, h, content, meanwhile);
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public Endpoint endpoint() {
        return Endpoint.CONTENTS;
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    @Override
    public long contentLength() {
        return content.length;
    }

    @Override
    public InputStream body() {
        return new ByteArrayInputStream(content) {
            private boolean started;

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                if (!started) {
                    started = true;
                    meanwhile.run();
                }
                return super.read(b, off, len);
            }
        };
    }
}
