package org.wopihost.engine;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.wopihost.config.WopiSettings;
import org.wopihost.discovery.DiscoveryClient;
import org.wopihost.proof.ProofKeyVerifier;
import org.wopihost.spi.WopiMetrics;
import org.wopihost.spi.WopiPlatform;

/**
 * The one wiring of the protocol, for both platforms: from a platform's ports and the settings, the
 * WOPI client's discovery (when one is configured), the proof-key check against the keys it publishes,
 * and the engine. Nuxeo's component and the standalone server each assemble one, then serve its engine
 * with the WOPI servlet and its discovery with the host page.
 */
public final class WopiHost {

    private final DiscoveryClient discovery;
    private final ProofCheck proofCheck;
    private final WopiEngine engine;

    private WopiHost(DiscoveryClient discovery, ProofCheck proofCheck, WopiEngine engine) {
        this.discovery = discovery;
        this.proofCheck = proofCheck;
        this.engine = engine;
    }

    /**
     * @param hostPages      whether the host serves its pages ({@code {wopiPath}/view|edit/{fileId}}), so that
     *                       CheckFileInfo, PutRelativeFile and GetShareUrl hand their URLs out
     * @param discoveryCache where the last good discovery XML is kept across restarts; null for nowhere
     * @param background     where discovery fetches triggered by proof-key checks run, off the request threads
     * @param metrics        told of every request, proof failure and discovery refresh
     */
    public static WopiHost assemble(WopiPlatform platform, WopiSettings settings, boolean hostPages,
            Path discoveryCache, Clock clock, Executor background, WopiMetrics metrics) {
        DiscoveryClient discovery = null;
        ProofCheck proofCheck = ProofCheck.NONE;
        if (settings.discoveryUrl() != null) {
            DiscoveryClient.Builder builder = DiscoveryClient.builder(URI.create(settings.discoveryUrl()))
                    .netZone(settings.netZone())
                    .clock(clock)
                    .onRefresh(metrics::discoveryRefresh);
            if (discoveryCache != null) {
                builder.cacheFile(discoveryCache);
            }
            discovery = builder.build();
            if (settings.proofKeysEnabled()) {
                proofCheck = new DiscoveryProofCheck(discovery, new ProofKeyVerifier(clock), background);
            }
        }
        WopiEngine engine = new WopiEngine(platform, settings, proofCheck, hostPages, clock, metrics,
                discovery == null ? Optional::empty : discovery::capabilities);
        return new WopiHost(discovery, proofCheck, engine);
    }

    /** The WOPI client's discovery, when {@link WopiSettings#discoveryUrl()} is set. */
    public Optional<DiscoveryClient> discovery() {
        return Optional.ofNullable(discovery);
    }

    /** X-WOPI-Proof against discovery's keys, or {@link ProofCheck#NONE} without discovery or when disabled. */
    public ProofCheck proofCheck() {
        return proofCheck;
    }

    public WopiEngine engine() {
        return engine;
    }
}
