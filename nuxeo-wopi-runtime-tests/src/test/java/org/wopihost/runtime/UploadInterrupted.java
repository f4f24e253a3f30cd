package org.wopihost.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import org.nuxeo.runtime.api.Framework;
import org.nuxeo.runtime.api.login.NuxeoLoginContext;
import org.wopihost.engine.ProofCheck;
import org.wopihost.engine.WopiEngine;
import org.wopihost.engine.WopiRequest;
import org.wopihost.engine.WopiResponse;
import org.wopihost.nuxeo.WopiHostService;

/**
 * A PutFile given to the add-on's engine and ports in process, on a thread of its own logged in as the
 * token's user and outside any transaction (as a servlet thread), whose body runs {@code meanwhile}
 * before its first byte is read: what happens while a long upload is under way, at exactly that
 * point, which HTTP cannot time.
 */
final class UploadInterrupted {

    private UploadInterrupted() {
    }

    /** The response, with its body read as text. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    static Answer putFile(WopiHostService service, String user, String fileId, String token, byte[] content,
            Runnable meanwhile, String... headers) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.put("X-WOPI-Override", "PUT");
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        WopiEngine engine = new WopiEngine(service.platform(), service.config().settings(), ProofCheck.NONE, true,
                Clock.systemUTC());
        return CompletableFuture.supplyAsync(() -> {
            try (NuxeoLoginContext login = Framework.loginUser(user)) {
                WopiResponse r = engine.handle(new Request(fileId, token, h, content, meanwhile));
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                if (r.body() != null) {
                    r.body().writeTo(body);
                }
                return new Answer(r.status(), r.headers(), body.toString(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).join();
    }

    private record Request(String fileId, String accessToken, Map<String, String> headers, byte[] content,
            Runnable meanwhile) implements WopiRequest {

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

        @Override
        public String url() {
            return "http://localhost/wopi/files/" + fileId + "/contents";
        }
    }
}
