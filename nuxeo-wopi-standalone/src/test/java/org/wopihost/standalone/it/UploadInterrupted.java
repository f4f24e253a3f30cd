package org.wopihost.standalone.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.wopihost.engine.ProofCheck;
import org.wopihost.engine.WopiEngine;
import org.wopihost.engine.WopiRequest;
import org.wopihost.engine.WopiResponse;

/**
 * A PutFile given to the running host's engine and platform in process, whose body runs {@code meanwhile}
 * before its first byte is read: what happens while a long upload is under way (its lock taken by
 * another client, its document deleted), at exactly that point, which HTTP cannot time.
 */
final class UploadInterrupted {

    private UploadInterrupted() {
    }

    static WopiResponse putFile(RunningHost host, String fileId, String token, byte[] content, Runnable meanwhile,
            String... headers) {
        WopiEngine engine = new WopiEngine(host.server().host().platform(), host.server().host().settings(),
                ProofCheck.NONE, true, Clock.systemUTC());
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.put("X-WOPI-Override", "PUT");
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        return engine.handle(new WopiRequest() {
            @Override
            public String method() {
                return "POST";
            }

            @Override
            public Endpoint endpoint() {
                return Endpoint.CONTENTS;
            }

            @Override
            public String fileId() {
                return fileId;
            }

            @Override
            public String accessToken() {
                return token;
            }

            @Override
            public Optional<String> header(String name) {
                return Optional.ofNullable(h.get(name));
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

            @Override
            public String url() {
                return host.server().host().settings().wopiSrc(fileId) + "/contents";
            }
        });
    }

    /** The body of a response, as text. */
    static String body(WopiResponse response) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        response.body().writeTo(out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
