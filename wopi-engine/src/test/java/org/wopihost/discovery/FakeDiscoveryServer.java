package org.wopihost.discovery;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A real HTTP server on 127.0.0.1 serving a discovery document that the test can change or break. */
final class FakeDiscoveryServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger hits = new AtomicInteger();
    private volatile int status = 200;
    private volatile byte[] body = new byte[0];
    private volatile boolean stalled;
    /** Released when the server stops: what a stalled answer waits for. */
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile byte[] capabilities;

    FakeDiscoveryServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hosting/discovery", this::handle);
        server.createContext("/hosting/capabilities", this::capabilities);
        server.setExecutor(executor);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        synchronized (hits) {
            hits.incrementAndGet();
            hits.notifyAll();
        }
        try (exchange) {
            if (stalled) {
                stopped.await();
                return;
            }
            byte[] response = body;
            exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
            exchange.sendResponseHeaders(status, response.length == 0 ? -1 : response.length);
            if (response.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Collabora's capabilities endpoint: 404 until {@link #capabilities(String)} gives it a body. */
    private void capabilities(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] json = capabilities;
            if (json == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, json.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(json);
            }
        }
    }

    FakeDiscoveryServer capabilities(String json) {
        this.capabilities = json.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hosting/discovery");
    }

    FakeDiscoveryServer serve(String xml) {
        this.status = 200;
        this.body = xml.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    FakeDiscoveryServer fail(int status, String text) {
        this.status = status;
        this.body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** From now on, answers no discovery request: each waits, unanswered, until the server stops. */
    FakeDiscoveryServer stall() {
        this.stalled = true;
        return this;
    }

    int hits() {
        return hits.get();
    }

    /** Waits until the server has been asked {@code total} times in all; false if that took over {@code timeout}. */
    boolean awaitHits(int total, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (hits) {
            while (hits.get() < total) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(hits, left);
            }
            return true;
        }
    }

    void stop() {
        stopped.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }
}
