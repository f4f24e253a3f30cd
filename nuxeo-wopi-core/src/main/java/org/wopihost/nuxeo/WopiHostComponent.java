package org.wopihost.nuxeo;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.nuxeo.runtime.api.Framework;
import org.nuxeo.runtime.kv.KeyValueStore;
import org.nuxeo.runtime.model.ComponentContext;
import org.nuxeo.runtime.model.DefaultComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wopihost.discovery.DiscoveryClient;
import org.wopihost.discovery.DiscoveryDocument;
import org.wopihost.discovery.DiscoveryUnavailableException;
import org.wopihost.engine.ProofCheck;
import org.wopihost.engine.WopiEngine;
import org.wopihost.engine.WopiHost;
import org.wopihost.spi.WopiMetrics;
import org.wopihost.spi.WopiPlatform;

/**
 * The runtime component {@code org.wopihost.nuxeo.WopiHostService} (OSGI-INF/wopihost-service.xml):
 * reads the configuration from framework properties at start and wires the ports, then assembles the
 * engine with {@link WopiHost} (as the standalone server does): when {@code nuxeo.wopi.discoveryURL} is
 * set, with the discovery client (last good copy in {@code <nuxeo.data.dir>/wopihost/discovery.xml}) and
 * the proof-key check; the applications discovery offers are decided here.
 * Discovery is fetched on a background thread of our own (at start and when the scheduler fires), never
 * on the thread that starts Nuxeo or runs the scheduler's event.
 */
public class WopiHostComponent extends DefaultComponent implements WopiHostService {

    private static final Logger LOG = LoggerFactory.getLogger(WopiHostComponent.class);

    /** Where the last good discovery XML is kept, under Nuxeo's data directory. */
    static final String DISCOVERY_CACHE = "wopihost/discovery.xml";

    private volatile NuxeoWopiConfig config;
    private volatile WopiPlatform platform;
    private volatile NuxeoLockStore locks;
    private volatile WopiApps apps = WopiApps.NONE;
    private volatile WopiHost wopi;
    private volatile Runnable discoveryRefresh;
    private volatile Executor background = Runnable::run;
    private volatile ExecutorService ownExecutor;
    private final WopiMetrics metrics = NuxeoMetrics.create();

    /** The running service; the one lookup for classes Nuxeo instantiates itself (listeners, servlet, enricher). */
    public static WopiHostService service() {
        return Framework.getService(WopiHostService.class);
    }

    @Override
    public void start(ComponentContext context) {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "wopihost-discovery");
            t.setDaemon(true);
            return t;
        });
        ownExecutor = executor;
        NuxeoConfigKeys.unknownKeys(Framework.getProperties().stringPropertyNames()).forEach(LOG::warn);
        init(Framework::getProperty, new RuntimeNuxeoServices(), Clock.systemUTC(), executor);
    }

    @Override
    public void stop(ComponentContext context) {
        ExecutorService executor = ownExecutor;
        if (executor != null) {
            executor.shutdownNow();
            ownExecutor = null;
        }
    }

    /** Wires everything, running discovery fetches on the caller's thread (tests). */
    void init(Function<String, String> properties, NuxeoServices services, Clock clock) {
        init(properties, services, clock, Runnable::run);
    }

    /** Wires everything from a property source and Nuxeo services; discovery fetches run on {@code background}. */
    void init(Function<String, String> properties, NuxeoServices services, Clock clock, Executor background) {
        NuxeoWopiConfig cfg = NuxeoWopiConfig.read(properties);
        KeyValueStore store = services.keyValueStore(NuxeoLockStore.STORE_NAME);
        NuxeoUsers users = new NuxeoUsers(services, store);
        NuxeoLockStore lockStore = new NuxeoLockStore(store, services, clock);
        this.background = background;
        this.platform = new WopiPlatform(
                new NuxeoAccessTokens(services, cfg.settings().tokenTtl(), cfg.settings().wopiPath(), clock),
                users,
                new NuxeoPermissions(services, users, cfg.allowedGroup()),
                new NuxeoFiles(services, users, lockStore),
                lockStore);
        this.locks = lockStore;
        this.config = cfg;
        String discoveryUrl = cfg.settings().discoveryUrl();
        // Host pages only with a WOPI client to open: only then are their URLs handed out.
        Path dataDir = services.dataDir();
        this.wopi = WopiHost.assemble(platform, cfg.settings(), discoveryUrl != null,
                dataDir == null ? null : dataDir.resolve(DISCOVERY_CACHE), clock, this::runInBackground, metrics);
        this.apps = wopi.discovery()
                .map(client -> WopiApps.fromDiscovery(() -> currentDiscovery(client), cfg.enabledApps()))
                .orElse(WopiApps.NONE);
        ProofCheck proofCheck = wopi.proofCheck();
        LOG.info("WOPI host on /{}: base URL {}, discovery {}, proof keys {}, group restriction {}",
                cfg.settings().wopiPath(), cfg.settings().baseUrl(), discoveryUrl,
                proofCheck == ProofCheck.NONE ? "not checked" : "checked when discovery publishes them",
                cfg.allowedGroup().orElse("none"));
        wopi.discovery().ifPresent(client -> setDiscoveryRefresh(client::refresh)); // first fetch now, in the background
    }

    /** The discovery document for UI decisions; empty (nothing offered) while neither network nor disk has one. */
    private static Optional<DiscoveryDocument> currentDiscovery(DiscoveryClient client) {
        try {
            return Optional.of(client.current());
        } catch (DiscoveryUnavailableException e) {
            LOG.debug("No WOPI discovery yet: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public NuxeoWopiConfig config() {
        return config;
    }

    @Override
    public WopiPlatform platform() {
        return platform;
    }

    @Override
    public NuxeoLockStore lockStore() {
        return locks;
    }

    @Override
    public WopiApps apps() {
        return apps;
    }

    @Override
    public Optional<DiscoveryClient> discovery() {
        return wopi == null ? Optional.empty() : wopi.discovery();
    }

    /**
     * The proof-key check the engine applies: X-WOPI-Proof against the keys discovery publishes when
     * discovery is configured and {@code nuxeo.wopi.proofKeys.enabled} is true; {@link ProofCheck#NONE}
     * otherwise. What the wiring tests look at.
     */
    ProofCheck proofCheck() {
        return wopi == null ? ProofCheck.NONE : wopi.proofCheck();
    }

    @Override
    public WopiEngine engine() {
        return wopi.engine();
    }

    /** Whether CheckFileInfo announces our host pages (HostViewUrl, HostEditUrl): when there is a WOPI client. For tests. */
    boolean hostPages() {
        return config != null && config.settings().discoveryUrl() != null;
    }

    /**
     * The refresh to run when our scheduler fires (the discovery client's; tests install their own), run
     * once at install when {@code nuxeo.wopi.discoveryURL} is set.
     */
    void setDiscoveryRefresh(Runnable refresh) {
        this.discoveryRefresh = refresh;
        if (config != null && config.settings().discoveryUrl() != null) {
            refreshDiscovery();
        }
    }

    @Override
    public void refreshDiscovery() {
        Runnable refresh = discoveryRefresh;
        if (refresh != null) {
            runInBackground(refresh);
        }
    }

    /** Runs {@code work} on our discovery thread; a failure is logged, never thrown, and keeps the old data. */
    private void runInBackground(Runnable work) {
        Runnable quiet = () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warn("WOPI discovery refresh failed, keeping the previous data: {}", e.toString());
            }
        };
        try {
            background.execute(quiet);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("WOPI discovery refresh skipped: the service is stopping");
        }
    }
}
