package org.wopihost.engine;

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
import org.wopihost.spi.WopiPlatform;

/**
 * The protocol engine: proof check, then token, then the operation named by the method, the
 * endpoint and X-WOPI-Override. Every failure becomes the status and headers the spec names.
 */
public final class WopiEngine {

    private static final Logger LOG = LoggerFactory.getLogger(WopiEngine.class);

    private final ProofCheck proofCheck;
    private final RequestAuthenticator authenticator;
    private final Operation checkFileInfo;
    private final Operation getFile;
    private final Operation putFile;
    private final Map<String, Operation> overrides;

    /**
     * @param hostPages whether {@code {wopiPath}/view|edit/{fileId}} answer: only then do CheckFileInfo,
     *                  PutRelativeFile and GetShareUrl hand their URLs out
     */
    public WopiEngine(WopiPlatform platform, WopiSettings settings, ProofCheck proofCheck, boolean hostPages, Clock clock) {
        this(platform, settings, proofCheck, hostPages, clock, Optional::empty);
    }

    /**
     * @param capabilities the JSON the WOPI client answers at its capabilities endpoint
     *                     ({@link DiscoveryClient#capabilities()}); empty when unknown
     */
    public WopiEngine(WopiPlatform platform, WopiSettings settings, ProofCheck proofCheck, boolean hostPages, Clock clock,
            Supplier<Optional<byte[]>> capabilities) {
        this.proofCheck = proofCheck;
        this.authenticator = new RequestAuthenticator(platform);
        LockRules locks = new LockRules(platform.locks(), clock);
        HostLinks links = new HostLinks(settings);
        this.checkFileInfo = new CheckFileInfo(platform, settings, links, hostPages, clock,
                ClientCapabilities.readFrom(capabilities)).operation();
        this.getFile = FileOperations.getFile(platform.files());
        this.putFile = FileOperations.putFile(platform.files(), locks, settings.maxFileSize(),
                new CollaboraSaveRules(platform.users()), new ConflictCopies(links, hostPages, clock));
        this.overrides = Map.of(
                "LOCK", LockOperations.lock(locks),
                "GET_LOCK", LockOperations.getLock(locks),
                "REFRESH_LOCK", LockOperations.refreshLock(locks),
                "UNLOCK", LockOperations.unlock(locks, platform.files()),
                "PUT_RELATIVE", new PutRelativeFile(platform, locks, links, settings.maxFileSize(), settings::wopiSrc,
                        hostPages).operation(),
                "RENAME_FILE", RenameAndDelete.rename(platform.files(), locks),
                "DELETE", RenameAndDelete.delete(platform.files(), locks),
                "GET_SHARE_URL", ShareUrls.operation(links, hostPages),
                "PUT_USER_INFO", UserInfoOperation.operation(platform.users()));
    }

    /** Handles one request; never throws. */
    public WopiResponse handle(WopiRequest request) {
        try {
            proofCheck.check(request);
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

    private Operation resolve(WopiRequest request) throws WopiException {
        String method = request.method();
        String override = request.header(WopiHeaders.OVERRIDE).map(v -> v.trim().toUpperCase(Locale.ROOT)).orElse("");
        switch (request.endpoint()) {
            case FILE -> {
                if (method.equals("GET")) {
                    return checkFileInfo;
                }
                if (method.equals("POST")) {
                    Operation op = overrides.get(override);
                    if (op != null) {
                        return op;
                    }
                }
            }
            case CONTENTS -> {
                if (method.equals("GET")) {
                    return getFile;
                }
                if (method.equals("POST") && (override.equals("PUT") || override.isEmpty())) {
                    return putFile;
                }
            }
            default -> {
                // Containers, ecosystem, ancestry: not offered, and CheckFileInfo does not claim them.
            }
        }
        throw WopiException.notImplemented("Not supported: " + describe(request));
    }

    private static String describe(WopiRequest request) {
        String override = request.header(WopiHeaders.OVERRIDE).orElse("");
        return request.method() + " " + request.endpoint() + (override.isEmpty() ? "" : " " + override);
    }
}
