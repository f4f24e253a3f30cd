package org.wopihost.nuxeo;

import java.util.Optional;

import org.wopihost.discovery.DiscoveryClient;
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

    /** The WOPI client's discovery, when {@code nuxeo.wopi.discoveryURL} is set. */
    Optional<DiscoveryClient> discovery();

    /** The protocol engine the WOPI servlet serves, assembled once with {@code WopiHost}. */
    WopiEngine engine();

    /** Starts the discovery refresh, if one is installed. Never throws: a failed refresh keeps the old data. */
    void refreshDiscovery();
}
