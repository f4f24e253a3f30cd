package org.wopihost.engine;

import static org.wopihost.engine.WopiRequest.Endpoint.CONTENTS;
import static org.wopihost.engine.WopiRequest.Endpoint.FILE;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wopihost.config.WopiSettings;
import org.wopihost.discovery.DiscoveryClient;
import org.wopihost.spi.ContentTooLargeException;
import org.wopihost.spi.WopiMetrics;
import org.wopihost.spi.WopiPlatform;
import org.wopihost.spi.WriteRefusedException;

/**
 * The protocol engine: proof check, then token, then the operation named by the method, the
 * endpoint and X-WOPI-Override. Every failure becomes the status and headers the spec names.
 */
public final class WopiEngine {

    private static final Logger LOG = LoggerFactory.getLogger(WopiEngine.class);

    private final ProofCheck proofCheck;
    private final RequestAuthenticator authenticator;
    /** The WOPI operations by their names, as {@link #NAMES} gives them. */
    private final Map<String, Operation> operations;
    private final WopiMetrics metrics;

    /**
     * The operation table: "endpoint method X-WOPI-Override" to the WOPI operation's name, as the spec
     * spells it. Containers, ecosystem, ancestry: not offered, and CheckFileInfo does not claim them.
     */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry(key(FILE, "GET", ""), "CheckFileInfo"),
            Map.entry(key(FILE, "POST", "LOCK"), "Lock"),
            Map.entry(key(FILE, "POST", "GET_LOCK"), "GetLock"),
            Map.entry(key(FILE, "POST", "REFRESH_LOCK"), "RefreshLock"),
            Map.entry(key(FILE, "POST", "UNLOCK"), "Unlock"),
            Map.entry(key(FILE, "POST", "PUT_RELATIVE"), "PutRelativeFile"),
            Map.entry(key(FILE, "POST", "RENAME_FILE"), "RenameFile"),
            Map.entry(key(FILE, "POST", "DELETE"), "DeleteFile"),
            Map.entry(key(FILE, "POST", "GET_SHARE_URL"), "GetShareUrl"),
            Map.entry(key(FILE, "POST", "PUT_USER_INFO"), "PutUserInfo"),
            Map.entry(key(CONTENTS, "GET", ""), "GetFile"),
            Map.entry(key(CONTENTS, "POST", "PUT"), "PutFile"),
            Map.entry(key(CONTENTS, "POST", ""), "PutFile"));

    /**
     * @param hostPages    whether {@code {wopiPath}/view|edit/{fileId}} answer: only then do CheckFileInfo,
     *                     PutRelativeFile and GetShareUrl hand their URLs out
     * @param metrics      told of every request (by the servlet, which times it whole) and of every proof failure
     * @param capabilities the JSON the WOPI client answers at its capabilities endpoint
     *                     ({@link DiscoveryClient#capabilities()}); empty when unknown
     */
    public WopiEngine(WopiPlatform platform, WopiSettings settings, ProofCheck proofCheck, boolean hostPages, Clock clock,
            WopiMetrics metrics, Supplier<Optional<byte[]>> capabilities) {
        this.metrics = metrics;
        this.proofCheck = proofCheck;
        this.authenticator = new RequestAuthenticator(platform);
        LockRules locks = new LockRules(platform.locks(), clock);
        HostLinks links = new HostLinks(settings);
        this.operations = Map.ofEntries(
                Map.entry("CheckFileInfo", new CheckFileInfo(platform, settings, links, hostPages, clock,
                        ClientCapabilities.readFrom(capabilities)).operation()),
                Map.entry("GetFile", FileOperations.getFile(platform.files())),
                Map.entry("PutFile", FileOperations.putFile(platform.files(), locks, settings.maxFileSize(),
                        new CollaboraSaveRules(platform.users()), new ConflictCopies(links, hostPages, clock))),
                Map.entry("Lock", LockOperations.lock(locks)),
                Map.entry("GetLock", LockOperations.getLock(locks)),
                Map.entry("RefreshLock", LockOperations.refreshLock(locks)),
                Map.entry("Unlock", LockOperations.unlock(locks, platform.files())),
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
            return answer(request, e);
        } catch (IOException | RuntimeException e) {
            return portFailure(request, e);
        }
    }

    /** What a port's (or the client body's) exception answers: the one table of them. */
    private static WopiResponse portFailure(WopiRequest request, Exception e) {
        Optional<WriteRefusedException> refused = cause(e, WriteRefusedException.class);
        if (refused.isPresent()) {
            return answer(request, WopiException.lockMismatch(refused.get().currentLock(), refused.get().getMessage()));
        }
        if (cause(e, ContentTooLargeException.class).isPresent()) {
            return answer(request, new WopiException(413, "The file is larger than this host accepts"));
        }
        Optional<ClientBody.Failure> body = cause(e, ClientBody.Failure.class);
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

    private static WopiResponse answer(WopiRequest request, WopiException e) {
        // 4xx and 501 answer what the client asked for: debug, so that no client can fill the log.
        if (e.status() == 500) {
            LOG.warn("{} {} on {}: {}", e.status(), describe(request), request.fileId(), e.getMessage());
        } else {
            LOG.debug("{} {} on {}: {}", e.status(), describe(request), request.fileId(), e.getMessage());
        }
        return e.toResponse();
    }

    /** {@code type} somewhere in {@code e}'s causes, however a store wrapped it. */
    private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    public WopiMetrics metrics() {
        return metrics;
    }

    /** The WOPI operation a request asks for, as the spec names it ({@code Unsupported} for others): for metrics. */
    public static String operationName(WopiRequest request) {
        return NAMES.getOrDefault(key(request.endpoint(), request.method(), override(request)), "Unsupported");
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
            throw WopiException.notImplemented("Not supported: " + describe(request));
        }
        return operation;
    }

    private static String key(WopiRequest.Endpoint endpoint, String method, String override) {
        return endpoint + " " + method + " " + override;
    }

    private static String override(WopiRequest request) {
        return request.header(WopiHeaders.OVERRIDE).map(v -> v.trim().toUpperCase(Locale.ROOT)).orElse("");
    }

    private static String describe(WopiRequest request) {
        String override = request.header(WopiHeaders.OVERRIDE).orElse("");
        return request.method() + " " + request.endpoint() + (override.isEmpty() ? "" : " " + override);
    }
}
