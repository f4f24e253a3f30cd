package org.wopihost.standalone;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import jakarta.servlet.DispatcherType;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.ServletMapping;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wopihost.config.WopiSettings;
import org.wopihost.discovery.DiscoveryClient;
import org.wopihost.engine.HostLinks;
import org.wopihost.engine.WopiHost;
import org.wopihost.standalone.store.BackgroundThreads;
import org.wopihost.standalone.store.ProcessLock;
import org.wopihost.standalone.web.AsyncAccessLog;
import org.wopihost.standalone.web.BasicAuthUsers;
import org.wopihost.standalone.web.BodyPreloader;
import org.wopihost.standalone.web.ByteBufferResponses;
import org.wopihost.standalone.web.ClientThreadLimit;
import org.wopihost.standalone.web.HealthServlet;
import org.wopihost.standalone.web.IndexServlet;
import org.wopihost.standalone.web.MetricsServlet;
import org.wopihost.standalone.web.MinimumUploadRate;
import org.wopihost.standalone.web.NoSniffErrorHandler;
import org.wopihost.standalone.web.PrometheusMetrics;
import org.wopihost.web.DedicatedWopiHostFilter;
import org.wopihost.web.HostPageServlet;
import org.wopihost.web.NoWopiClientServlet;
import org.wopihost.web.StuckLockServlet;
import org.wopihost.web.WopiClientStatus;
import org.wopihost.web.WopiServlet;

/** The standalone host: Jetty serving WOPI, {@code /health} and the document list. */
public final class StandaloneServer implements AutoCloseable {

    static final String ACCESS_LOGGER = "org.wopihost.standalone.access";
    private static final Logger LOG = LoggerFactory.getLogger(StandaloneServer.class);

    /** How long a stopping server waits for requests in flight (a large save on a slow link). */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static final int MAX_THREADS = 200;
    private static final int MAX_CONNECTIONS = 4096;
    /**
     * Bytes read from a connection at a time. Jetty's 8 KiB made a 100 MB upload 12,800 socket reads,
     * each one waking the sender; 64 KiB took a PutFile from about 145 to 128 ms here (README,
     * Benchmark). A buffer is taken from Jetty's pool for a read and returned once consumed.
     */
    private static final int INPUT_BUFFER = 64 * 1024;

    private final Server jetty;
    private final StandaloneHost host;
    private final String url;
    private final ScheduledExecutorService background;

    private final ProcessLock embeddedDatabase;
    private final Supplier<WopiClientStatus> clientStatus;

    private StandaloneServer(Server jetty, StandaloneHost host, String url, ScheduledExecutorService background,
            ProcessLock embeddedDatabase, Supplier<WopiClientStatus> clientStatus) {
        this.clientStatus = clientStatus;
        this.jetty = jetty;
        this.host = host;
        this.url = url;
        this.background = background;
        this.embeddedDatabase = embeddedDatabase;
        // However Jetty stops (close, or its own hook on SIGTERM), the URL goes at once, and the data
        // folder is released once the saves in flight are done.
        jetty.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopping(LifeCycle event) {
                removeServerUrl();
            }

            @Override
            public void lifeCycleStopped(LifeCycle event) {
                release();
            }
        });
    }

    /**
     * Binds, opens the data folder (seeding it on first start) and starts serving.
     *
     * @param port 0 for any free port
     */
    public static StandaloneServer start(String bind, int port, DataFolder data, Map<String, String> config,
            Clock clock) throws Exception {
        // The embedded database serves one server; several nodes share a PostgreSQL database.
        ProcessLock embeddedDatabase = config.getOrDefault(StandaloneConfig.DB_URL, "").isBlank()
                ? data.claimEmbeddedDatabase() : null;
        try {
            return start(bind, port, data, config, clock, embeddedDatabase);
        } catch (Exception e) {
            if (embeddedDatabase != null) {
                embeddedDatabase.close();
            }
            throw e;
        }
    }

    private static StandaloneServer start(String bind, int port, DataFolder data, Map<String, String> config,
            Clock clock, ProcessLock embeddedDatabase) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 8);
        threads.setName("wopi-http");
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        HttpConnectionFactory http1 = new HttpConnectionFactory(http);
        http1.setInputBufferSize(INPUT_BUFFER);
        ServerConnector connector = new ServerConnector(jetty, http1);
        connector.setHost(bind);
        connector.setPort(port);
        Duration idleTimeout = Duration.ofSeconds(StandaloneConfig.positive(config, StandaloneConfig.HTTP_IDLE_TIMEOUT,
                StandaloneConfig.DEFAULT_HTTP_IDLE_TIMEOUT));
        connector.setIdleTimeout(idleTimeout.toMillis());
        jetty.addConnector(connector);
        // Each connection may hold a preloaded body (BodyPreloader): bound them all.
        jetty.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, jetty));
        jetty.setErrorHandler(new NoSniffErrorHandler());
        // Bind first: with port 0 the URL, and so the WOPISrc, is only known now.
        connector.open();
        String url = "http://" + urlHost(bind) + ":" + connector.getLocalPort() + "/";
        StandaloneHost host = null;
        ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(
                BackgroundThreads.named("wopi-background"));
        try {
            host = StandaloneHost.serve(data, config, url, clock);
            settleAbandoned(host);
            WopiSettings settings = host.settings();
            ServletContextHandler context = new ServletContextHandler();
            context.setContextPath("/");
            context.setErrorHandler(new NoSniffErrorHandler());
            String wopi = "/" + StandaloneHost.WOPI_PATH;
            // Host pages are always served (without a client, a page that says so): every URL the
            // engine hands out answers.
            PrometheusMetrics metrics = new PrometheusMetrics();
            WopiHost wopiHost = WopiHost.assemble(host.platform(), settings, true, data.root().resolve("discovery.xml"),
                    clock, background, metrics);
            BasicAuthUsers login = new BasicAuthUsers(host.users());
            ServletHolder hostPage = new ServletHolder("hostpage", new NoWopiClientServlet());
            Supplier<WopiClientStatus> clientStatus = WopiClientStatus::none;
            if (wopiHost.discovery().isPresent()) {
                // A WOPI client is configured: its keys check proofs, and host pages open it.
                DiscoveryClient discovery = wopiHost.discovery().get();
                discovery.scheduleRefresh(background, DiscoveryClient.DAILY);
                hostPage = new ServletHolder("hostpage",
                        new HostPageServlet(host.platform(), settings, discovery, login));
                clientStatus = () -> WopiClientStatus.of(discovery, settings.discoveryUrl());
            }
            context.getServletHandler().addServlet(hostPage);
            ServletMapping hostPages = new ServletMapping();
            hostPages.setServletName("hostpage");
            hostPages.setPathSpecs(new String[] {wopi + "/view/*", wopi + "/edit/*"});
            context.getServletHandler().addServletMapping(hostPages);
            context.addServlet(new ServletHolder("release", new StuckLockServlet(host.platform(), settings, login)),
                    wopi + "/release/*");
            context.addServlet(new ServletHolder("wopi", new WopiServlet(wopiHost.engine(), settings.baseUrl())),
                    wopi + "/*");
            // GetFile hands Jetty the blob's file mapped, not copied through arrays
            context.addFilter(ByteBufferResponses.class, wopi + "/files/*", EnumSet.of(DispatcherType.REQUEST));
            DedicatedWopiHostFilter dedicated = new DedicatedWopiHostFilter(settings.baseUrl(), settings.publicUrl(),
                    wopi + "/files/");
            if (dedicated.isActive()) {
                context.addFilter(new FilterHolder(dedicated), "/*", EnumSet.of(DispatcherType.REQUEST));
            }
            StandaloneHost opened = host;
            context.addServlet(new ServletHolder("health", new HealthServlet(() -> isUp(opened))), "/health");
            context.addServlet(new ServletHolder("metrics", new MetricsServlet(metrics)), "/metrics");
            context.addServlet(new ServletHolder("index", new IndexServlet(host.documents(), host.users(),
                    host.platform(), login, new HostLinks(settings), clientStatus)), "/");
            // On stop (SIGTERM too), let saves in flight finish before closing the store.
            GracefulHandler graceful = new GracefulHandler(slowClientGuards(context, config, idleTimeout));
            jetty.setHandler(graceful);
            jetty.setStopTimeout(STOP_TIMEOUT.toMillis());
            jetty.setStopAtShutdown(true);
            jetty.setRequestLog(accessLog());
            jetty.start();
            data.writeServerUrl(url, host.documents().blobs().processId());
            return new StandaloneServer(jetty, host, url, background, embeddedDatabase, clientStatus);
        } catch (Exception e) {
            background.shutdownNow();
            jetty.stop();
            if (host != null) {
                host.close();
            }
            throw e;
        }
    }

    /**
     * What keeps slow or greedy clients from holding every worker thread, outermost first: a minimum
     * upload rate once a body has been arriving for the idle timeout, small bodies received whole
     * before a thread reads them, and a cap on the requests one client address has in the servlets.
     */
    private static Handler slowClientGuards(Handler servlets, Map<String, String> config, Duration idleTimeout) {
        int perClient = StandaloneConfig.positive(config, StandaloneConfig.HTTP_THREADS_PER_CLIENT,
                StandaloneConfig.DEFAULT_HTTP_THREADS_PER_CLIENT);
        int minRate = StandaloneConfig.positive(config, StandaloneConfig.HTTP_MIN_UPLOAD_RATE,
                StandaloneConfig.DEFAULT_HTTP_MIN_UPLOAD_RATE);
        return new MinimumUploadRate(new BodyPreloader(new ClientThreadLimit(servlets, perClient)), minRate,
                idleTimeout);
    }

    /**
     * One line per request for troubleshooting, under the logger {@value #ACCESS_LOGGER}. The path is
     * logged without its query string: that is where the access token is.
     */
    private static CustomRequestLog accessLog() {
        return new CustomRequestLog(new AsyncAccessLog(ACCESS_LOGGER),
                "%{client}a \"%m %U\" %{X-WOPI-Override}i %s %O %{ms}Tms \"%{User-Agent}i\"");
    }

    /** The URL the server answers on, ending with a slash. */
    public String url() {
        return url;
    }

    public StandaloneHost host() {
        return host;
    }

    /** Whether the WOPI client is usable now, or why not (loads its discovery on first call). */
    public WopiClientStatus wopiClientStatus() {
        return clientStatus.get();
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    /**
     * What processes that died left in the data folder (uploads, blobs of saves that never
     * committed): settled before serving, without stopping the start if it fails.
     */
    private static void settleAbandoned(StandaloneHost host) {
        try {
            host.documents().settleAbandonedBlobs();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not settle what stopped processes left in {}: {}", host.data().root(), e.toString());
        }
    }

    /** Stops serving, lets saves in flight finish, then releases the data folder. */
    @Override
    public void close() throws Exception {
        background.shutdownNow();
        jetty.stop();
    }

    private void removeServerUrl() {
        try {
            host.data().removeServerUrl(host.documents().blobs().processId());
        } catch (IOException e) {
            LOG.warn("Could not remove {}'s server-url: {}", host.data().root(), e.toString());
        }
    }

    /** The server has stopped: the database and this process's files go. */
    private void release() {
        try {
            host.close();
        } finally {
            if (embeddedDatabase != null) {
                embeddedDatabase.close();
            }
        }
    }

    private static boolean isUp(StandaloneHost host) {
        try {
            host.documents().userExists("");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A wildcard bind is reached through localhost; anything else as it was given. */
    private static String urlHost(String bind) throws IOException {
        InetAddress address = new InetSocketAddress(bind, 0).getAddress();
        if (address == null || address.isAnyLocalAddress()) {
            return "localhost";
        }
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }
}
