package org.wopihost.nuxeo;

import java.util.Optional;

import org.wopihost.discovery.DiscoveryClient;
import org.wopihost.engine.ProofCheck;
import org.wopihost.engine.WopiEngine;
import org.wopihost.spi.WopiPlatform;

/** The WOPI service of the Nuxeo add-on: configuration and the engine's ports, wired once. */
public interface WopiHostService {

    NuxeoWopiConfig config();

    /** Files, permissions, users, tokens and locks on this Nuxeo. */
    WopiPlatform platform();

    NuxeoLockStore lockStore();

    /** Which application opens which file: from discovery, or {@link WopiApps#NONE} without a discovery URL. */
    WopiApps apps();

    /** Installs other applications (tests, or a client not described by discovery). */
    void setApps(WopiApps apps);

    /** The WOPI client's discovery, when {@code nuxeo.wopi.discoveryURL} is set. */
    Optional<DiscoveryClient> discovery();

    /**
     * The proof-key check for the WOPI servlet: X-WOPI-Proof against the keys discovery publishes when
     * discovery is configured and {@code nuxeo.wopi.proofKeys.enabled} is true; {@link ProofCheck#NONE} otherwise.
     */
    ProofCheck proofCheck();

    /** The protocol engine the WOPI servlet serves, assembled once with {@code WopiHost}. */
    WopiEngine engine();

    /** Whether CheckFileInfo announces our host pages (HostViewUrl, HostEditUrl): when there is a WOPI client. */
    boolean hostPages();

    /**
     * The refresh to run when our scheduler fires (the discovery client's by default), run once at
     * install when {@code nuxeo.wopi.discoveryURL} is set.
     */
    void setDiscoveryRefresh(Runnable refresh);

    /** Starts the discovery refresh, if one is installed. Never throws: a failed refresh keeps the old data. */
    void refreshDiscovery();
}
