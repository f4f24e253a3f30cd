package org.wopihost.standalone;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.wopihost.engine.ProofCheck;
import org.wopihost.engine.WopiEngine;
import org.wopihost.standalone.web.HealthServlet;
import org.wopihost.standalone.web.IndexServlet;
import org.wopihost.web.WopiServlet;

/** The standalone host: Jetty serving WOPI, {@code /health} and the document list. */
public final class StandaloneServer implements AutoCloseable {

    private final Server jetty;
    private final StandaloneHost host;
    private final String url;

    private StandaloneServer(Server jetty, StandaloneHost host, String url) {
        this.jetty = jetty;
        this.host = host;
        this.url = url;
    }

    /**
     * Binds, opens the data folder (seeding it on first start) and starts serving.
     *
     * @param port 0 for any free port
     */
    public static StandaloneServer start(String bind, int port, DataFolder data, Map<String, String> config,
            Clock clock) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("wopi-http");
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(bind);
        connector.setPort(port);
        jetty.addConnector(connector);
        // Bind first: with port 0 the URL, and so the WOPISrc, is only known now.
        connector.open();
        String url = "http://" + urlHost(bind) + ":" + connector.getLocalPort() + "/";
        StandaloneHost host = null;
        try {
            host = StandaloneHost.open(data, config, url, clock);
            host.documents().blobs().cleanTemporaryFiles();
            WopiEngine engine = new WopiEngine(host.platform(), host.settings(), ProofCheck.NONE, false, clock);

            ServletContextHandler context = new ServletContextHandler();
            context.setContextPath("/");
            context.addServlet(new ServletHolder("wopi", new WopiServlet(engine, host.settings().baseUrl())),
                    "/" + StandaloneHost.WOPI_PATH + "/*");
            StandaloneHost opened = host;
            context.addServlet(new ServletHolder("health", new HealthServlet(() -> isUp(opened))), "/health");
            context.addServlet(new ServletHolder("index", new IndexServlet(host.documents())), "/");
            jetty.setHandler(context);
            jetty.setStopAtShutdown(true);
            jetty.start();
            data.writeServerUrl(url);
            return new StandaloneServer(jetty, host, url);
        } catch (Exception e) {
            jetty.stop();
            if (host != null) {
                host.close();
            }
            throw e;
        }
    }

    /** The URL the server answers on, ending with a slash. */
    public String url() {
        return url;
    }

    public StandaloneHost host() {
        return host;
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() throws Exception {
        try {
            jetty.stop();
        } finally {
            host.close();
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
