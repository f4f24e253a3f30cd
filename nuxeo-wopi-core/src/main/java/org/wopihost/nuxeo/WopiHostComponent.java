package org.wopihost.nuxeo;

import java.time.Clock;
import java.util.function.Function;

import org.nuxeo.runtime.api.Framework;
import org.nuxeo.runtime.kv.KeyValueStore;
import org.nuxeo.runtime.model.ComponentContext;
import org.nuxeo.runtime.model.DefaultComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wopihost.spi.WopiPlatform;

/**
 * The runtime component {@code org.wopihost.nuxeo.WopiHostService} (OSGI-INF/wopihost-service.xml):
 * reads the configuration from framework properties at start and wires the ports.
 */
public class WopiHostComponent extends DefaultComponent implements WopiHostService {

    private static final Logger LOG = LoggerFactory.getLogger(WopiHostComponent.class);

    private volatile NuxeoWopiConfig config;
    private volatile WopiPlatform platform;
    private volatile NuxeoLockStore locks;
    private volatile WopiApps apps;
    private volatile Runnable discoveryRefresh;

    /** The running service; the one lookup for classes Nuxeo instantiates itself (listeners, servlet, enricher). */
    public static WopiHostService service() {
        return Framework.getService(WopiHostService.class);
    }

    @Override
    public void start(ComponentContext context) {
        init(Framework::getProperty, new RuntimeNuxeoServices(), Clock.systemUTC());
    }

    /** Wires everything from a property source and Nuxeo services (tests call this with mocks). */
    void init(Function<String, String> properties, NuxeoServices services, Clock clock) {
        NuxeoWopiConfig cfg = NuxeoWopiConfig.read(properties);
        KeyValueStore store = services.keyValueStore(NuxeoLockStore.STORE_NAME);
        NuxeoUsers users = new NuxeoUsers(services, store);
        NuxeoLockStore lockStore = new NuxeoLockStore(store, services, clock);
        this.platform = new WopiPlatform(
                new NuxeoAccessTokens(services, cfg.settings().tokenTtl(), cfg.settings().wopiPath(), clock),
                users,
                new NuxeoPermissions(services, users, cfg.allowedGroup()),
                new NuxeoFiles(services, users),
                lockStore);
        this.locks = lockStore;
        this.apps = WopiApps.byExtension(cfg.enabledApps());
        this.config = cfg;
        LOG.info("WOPI host on /{}: base URL {}, discovery {}, group restriction {}", cfg.settings().wopiPath(),
                cfg.settings().baseUrl(), cfg.settings().discoveryUrl(), cfg.allowedGroup().orElse("none"));
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
    public void setApps(WopiApps apps) {
        this.apps = apps;
    }

    @Override
    public void setDiscoveryRefresh(Runnable refresh) {
        this.discoveryRefresh = refresh;
        if (config != null && config.settings().discoveryUrl() != null) {
            refreshDiscovery();
        }
    }

    @Override
    public void refreshDiscovery() {
        Runnable refresh = discoveryRefresh;
        if (refresh == null) {
            return;
        }
        try {
            refresh.run();
        } catch (RuntimeException e) {
            LOG.warn("WOPI discovery refresh failed, keeping the previous data: {}", e.toString());
        }
    }
}
