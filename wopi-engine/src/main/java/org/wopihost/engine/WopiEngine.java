package org.wopihost.engine;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wopihost.config.WopiSettings;
import org.wopihost.spi.WopiMetrics;
import org.wopihost.spi.WopiPlatform;

/**
 * The protocol engine: proof check, then token, then the operation named by the method, the
 * endpoint and X-WOPI-Override. Every failure becomes the status and headers the spec names.
 */
public final class WopiEngine {

    private static final Logger LOG = LoggerFactory.getLogger(WopiEngine.class);

    private final ProofCheck proofCheck;
    private final RequestAuthenticator authenticator;
    /** By the WOPI operation's name, as {@link #operationName} gives it. */
    private final Map<String, Operation> operations;
    private final WopiMetrics metrics;

    /** The WOPI operation names of the X-WOPI-Override values, as the spec spells them. */
    private static final Map<String, String> OVERRIDE_NAMES = Map.ofEntries(Map.entry("LOCK", "Lock"),
            Map.entry("GET_LOCK", "GetLock"), Map.entry("REFRESH_LOCK", "RefreshLock"), Map.entry("UNLOCK", "Unlock"),
            Map.entry("PUT_RELATIVE", "PutRelativeFile"), Map.entry("RENAME_FILE", "RenameFile"),
            Map.entry("DELETE", "DeleteFile"), Map.entry("GET_SHARE_URL", "GetShareUrl"),
            Map.entry("PUT_USER_INFO", "PutUserInfo"));

    /**
     * @param hostPages whether {@code {wopiPath}/view|edit/{fileId}} answer: only then do CheckFileInfo,
     *                  PutRelativeFile and GetShareUrl hand their URLs out
     */
    public WopiEngine(WopiPlatform platform, WopiSettings settings, ProofCheck proofCheck, boolean hostPages, Clock clock) {
        this(platform, settings, proofCheck, hostPages, clock, WopiMetrics.NONE);
    }

    /** @param metrics told of every request (by the servlet, which times it whole) and of every proof failure */
    public WopiEngine(WopiPlatform platform, WopiSettings settings, ProofCheck proofCheck, boolean hostPages, Clock clock,
            WopiMetrics metrics) {
        this.metrics = metrics;
        this.proofCheck = proofCheck;
        this.authenticator = new RequestAuthenticator(platform);
        LockRules locks = new LockRules(platform.locks(), clock);
        HostLinks links = new HostLinks(settings);
        this.operations = Map.ofEntries(
                Map.entry("CheckFileInfo", new CheckFileInfo(platform, settings, links, hostPages).operation()),
                Map.entry("GetFile", FileOperations.getFile(platform.files())),
                Map.entry("PutFile", FileOperations.putFile(platform.files(), locks, settings.maxFileSize())),
                Map.entry("Lock", LockOperations.lock(locks)),
                Map.entry("GetLock", LockOperations.getLock(locks)),
                Map.entry("RefreshLock", LockOperations.refreshLock(locks)),
                Map.entry("Unlock", LockOperations.unlock(locks)),
                Map.entry("PutRelativeFile", new PutRelativeFile(platform, locks, links, settings.maxFileSize(),
                        settings::wopiSrc, hostPages).operation()),
                Map.entry("RenameFile", RenameAndDelete.rename(platform.files(), locks)),
                Map.entry("DeleteFile", RenameAndDelete.delete(platform.files(), locks)),
                Map.entry("GetShareUrl", ShareUrls.operation(links, hostPages)),
                Map.entry("PutUserInfo", UserInfoOperation.operation(platform.users())));
    }

    /** Handles one request; never throws. */
    public WopiResponse handle(WopiRequest request) {
        try {
            checkProof(request);
            FileContext file = authenticator.authenticate(request);
            Operation operation = resolve(request);
            if (!file.permission().allows(operation.required())) {
                throw WopiException.unauthorized("The token or the document's ACL does not allow this operation");
            }
            return operation.execute(file, request);
        } catch (WopiException e) {
            // 4xx and 501 answer what the client asked for: debug, so that no client can fill the log.
            if (e.status() == 500) {
                LOG.warn("{} {} on {}: {}", e.status(), describe(request), request.fileId(), e.getMessage());
            } else {
                LOG.debug("{} {} on {}: {}", e.status(), describe(request), request.fileId(), e.getMessage());
            }
            return e.toResponse();
        } catch (IOException | RuntimeException e) {
            Optional<ClientBody.Failure> body = ClientBody.Failure.in(e);
            if (body.isEmpty()) {
                LOG.error("500 {} on {}", describe(request), request.fileId(), e);
                return WopiResponse.status(500);
            }
            // The store kept the previous version. A stall costs its client a timeout, so it may warn.
            if (body.get().timedOut()) {
                LOG.warn("408 {} on {}: the request body stalled or came too slowly ({})", describe(request),
                        request.fileId(), body.get().getMessage());
                return WopiResponse.status(408);
            }
            LOG.debug("400 {} on {}: the request body ended early ({})", describe(request), request.fileId(),
                    body.get().getMessage());
            return WopiResponse.status(400);
        }
    }

    public WopiMetrics metrics() {
        return metrics;
    }

    /** The WOPI operation a request asks for, as the spec names it ({@code Unsupported} for others): for metrics. */
    public static String operationName(WopiRequest request) {
        String override = request.header(WopiHeaders.OVERRIDE).map(v -> v.trim().toUpperCase(Locale.ROOT)).orElse("");
        String method = request.method();
        return switch (request.endpoint()) {
            case FILE -> method.equals("GET") ? "CheckFileInfo"
                    : method.equals("POST") ? OVERRIDE_NAMES.getOrDefault(override, "Unsupported") : "Unsupported";
            case CONTENTS -> method.equals("GET") ? "GetFile"
                    : method.equals("POST") && (override.equals("PUT") || override.isEmpty()) ? "PutFile" : "Unsupported";
            default -> "Unsupported";
        };
    }

    private void checkProof(WopiRequest request) throws WopiException {
        try {
            proofCheck.check(request);
        } catch (WopiException e) {
            metrics.proofFailure();
            throw e;
        }
    }

    private Operation resolve(WopiRequest request) throws WopiException {
        Operation operation = operations.get(operationName(request));
        if (operation == null) {
            // Containers, ecosystem, ancestry: not offered, and CheckFileInfo does not claim them.
            throw WopiException.notImplemented("Not supported: " + describe(request));
        }
        return operation;
    }

    private static String describe(WopiRequest request) {
        String override = request.header(WopiHeaders.OVERRIDE).orElse("");
        return request.method() + " " + request.endpoint() + (override.isEmpty() ? "" : " " + override);
    }
}
