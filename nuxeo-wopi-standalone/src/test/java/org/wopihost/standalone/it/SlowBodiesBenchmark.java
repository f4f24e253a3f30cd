package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.WopiClient;

/**
 * The attack, measured: many connections send a PutUserInfo body with a view-only token,
 * one byte every 5 seconds, while other users run CheckFileInfo. Prints CheckFileInfo's latency
 * percentiles; asserts only that every request was answered. Not part of the default test run:
 * {@code mvn -B verify -pl nuxeo-wopi-standalone -am -Dbenchmarks -Dtest=SlowBodiesBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.slowBodies=500 -Dbench.requests=2000 -Dbench.clients=8}).
 */
@Tag("benchmark")
class SlowBodiesBenchmark {

    static final int SLOW_BODIES = Integer.getInteger("bench.slowBodies", 500);
    static final int REQUESTS = Integer.getInteger("bench.requests", 2000);
    static final int CLIENTS = Integer.getInteger("bench.clients", 8);

    @RegisterExtension
    static final RunningHost HOST = new RunningHost();

    @Test
    void checkFileInfoLatencyWhileSlowBodiesAreOpen() throws Exception {
        String fileId = HOST.newDocument("slow-bench-" + System.nanoTime() + ".docx", "x".getBytes());
        WopiClient bob = HOST.clientFor("bob", fileId, Permission.VIEW);
        List<Socket> slow = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int i = 0; i < SLOW_BODIES; i++) {
                slow.add(SlowClientsTest.startBody(bob, "PUT_USER_INFO", null, 4000, 1, "127.0.0.1"));
            }
            trickle.scheduleAtFixedRate(() -> slow.forEach(s -> {
                try {
                    s.getOutputStream().write('x');
                } catch (Exception e) {
                    // closed by the host: counted below
                }
            }), 5, 5, TimeUnit.SECONDS);
            WopiClient alice = HOST.clientFor("alice", fileId, Permission.EDIT);
            List<Long> micros = Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> running = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int r = 0; r < REQUESTS / CLIENTS; r++) {
                        long t = System.nanoTime();
                        assertThat(SlowClientsTest.checkFileInfo(alice)).isEqualTo(200);
                        micros.add((System.nanoTime() - t) / 1000);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long stillOpen = slow.stream().filter(s -> !s.isClosed()).count();
            List<Long> sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            System.out.printf("%n%d slow PutUserInfo bodies open (1 byte / 5 s), %d CheckFileInfo by %d clients"
                    + " in %.1f s (%.0f/s)%n", stillOpen, sorted.size(), CLIENTS, seconds, sorted.size() / seconds);
            System.out.printf("CheckFileInfo ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", at(sorted, 0.50),
                    at(sorted, 0.95), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1000.0);
        } finally {
            trickle.shutdownNow();
            clients.shutdownNow();
            SlowClientsTest.closeAll(slow);
        }
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)) / 1000.0;
    }
}
