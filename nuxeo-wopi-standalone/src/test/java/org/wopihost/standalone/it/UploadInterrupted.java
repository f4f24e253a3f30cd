package org.wopihost.standalone.it;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import org.wopihost.contract.InterruptedUpload;
import org.wopihost.engine.ProofCheck;
import org.wopihost.engine.WopiEngine;
import org.wopihost.engine.WopiResponse;
import org.wopihost.spi.WopiMetrics;

/** An {@link InterruptedUpload} given to the running host's engine and platform in process. */
final class UploadInterrupted {

    private UploadInterrupted() {
    }

    static WopiResponse putFile(RunningHost host, String fileId, String token, byte[] content, Runnable meanwhile,
            String... headers) {
        WopiEngine engine = new WopiEngine(host.server().host().platform(), host.server().host().settings(),
                ProofCheck.NONE, true, Clock.systemUTC(), WopiMetrics.NONE, Optional::empty);
        return engine.handle(InterruptedUpload.putFile(fileId, token,
                host.server().host().settings().wopiSrc(fileId) + "/contents", content, meanwhile, headers));
    }

    /** The body of a response, as text. */
    static String body(WopiResponse response) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        response.body().writeTo(out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
