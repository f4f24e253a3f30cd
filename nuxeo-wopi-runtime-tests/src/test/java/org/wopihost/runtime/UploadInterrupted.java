package org.wopihost.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.nuxeo.runtime.api.Framework;
import org.nuxeo.runtime.api.login.NuxeoLoginContext;
import org.wopihost.contract.InterruptedUpload;
import org.wopihost.engine.ProofCheck;
import org.wopihost.engine.WopiEngine;
import org.wopihost.engine.WopiResponse;
import org.wopihost.nuxeo.WopiHostService;
import org.wopihost.spi.WopiMetrics;

/**
 * An {@link InterruptedUpload} given to the add-on's engine and ports in process, on a thread of its own
 * logged in as the token's user and outside any transaction (as a servlet thread).
 */
final class UploadInterrupted {

    private UploadInterrupted() {
    }

    /** The response, with its body read as text. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    static Answer putFile(WopiHostService service, String user, String fileId, String token, byte[] content,
            Runnable meanwhile, String... headers) {
        WopiEngine engine = new WopiEngine(service.platform(), service.config().settings(), ProofCheck.NONE, true,
                Clock.systemUTC(), WopiMetrics.NONE, Optional::empty);
        return CompletableFuture.supplyAsync(() -> {
            try (NuxeoLoginContext login = Framework.loginUser(user)) {
                WopiResponse r = engine.handle(InterruptedUpload.putFile(fileId, token,
                        "http://localhost/wopi/files/" + fileId + "/contents", content, meanwhile, headers));
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
}
