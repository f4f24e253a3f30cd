package org.wopihost.nuxeo;

import org.wopihost.spi.WopiPlatform;

/** The WOPI service of the Nuxeo add-on: configuration and the engine's ports, wired once. */
public interface WopiHostService {

    NuxeoWopiConfig config();

    /** Files, permissions, users, tokens and locks on this Nuxeo. */
    WopiPlatform platform();

    NuxeoLockStore lockStore();

    WopiApps apps();

    /** Installs the applications parsed from discovery (the discovery client calls this). */
    void setApps(WopiApps apps);

    /**
     * The seam for the discovery client: the refresh to run when our scheduler fires, and at start
     * when {@code nuxeo.wopi.discoveryURL} is set.
     */
    void setDiscoveryRefresh(Runnable refresh);

    /** Runs the discovery refresh, if one is installed. Never throws: a failed refresh keeps the old data. */
    void refreshDiscovery();
}
