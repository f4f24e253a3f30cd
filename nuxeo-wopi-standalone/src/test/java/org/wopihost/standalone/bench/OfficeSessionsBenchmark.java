package org.wopihost.standalone.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.spi.Permission;
import org.wopihost.standalone.it.RunningHost;
import org.wopihost.testclient.WopiClient;

/**
 * Many Office sessions at once against a real standalone server over loopback: each opens its own
 * file, locks it, then saves, refreshes the lock and re-reads the file info in a loop, as Word does
 * every 30 seconds, only without the pauses. Prints latency percentiles per operation and the
 * throughput; asserts only that every request succeeded. Not part of the default test run:
 * {@code mvn -B test -pl nuxeo-wopi-standalone -am -Dbenchmarks -Dtest=OfficeSessionsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class OfficeSessionsBenchmark {

    static final int SESSIONS = Integer.getInteger("bench.sessions", 32);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 20);
    static final int FILE_BYTES = Integer.getInteger("bench.fileBytes", 200 * 1024);

    @RegisterExtension
    static final RunningHost HOST = new RunningHost();

    final Map<String, List<Long>> timings = new ConcurrentHashMap<>();

    @Test
    void officeSessions() throws Exception {
        List<WopiClient> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            sessions.add(HOST.clientFor("alice", HOST.newDocument("bench-" + i + ".docx", new byte[] {1}), Permission.EDIT));
        }
        byte[] body = new byte[FILE_BYTES];
        new Random(1).nextBytes(body);
        ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                WopiClient s = sessions.get(i);
                String lock = "session-" + i;
                running.add(pool.submit(() -> {
                    time("CheckFileInfo", s::checkFileInfo);
                    time("Lock", () -> s.lock(lock));
                    time("GetFile", s::getFile);
                    for (int r = 0; r < ROUNDS; r++) {
                        time("PutFile", () -> s.putFile(body, "X-WOPI-Lock", lock));
                        time("RefreshLock", () -> s.refreshLock(lock));
                        time("CheckFileInfo", s::checkFileInfo);
                    }
                    time("Unlock", () -> s.unlock(lock));
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long requests = timings.values().stream().mapToLong(List::size).sum();
        System.out.printf("%n%d sessions x %d rounds, %d KiB saves: %d requests in %.2f s = %.0f requests/s, %.1f MiB/s saved%n",
                SESSIONS, ROUNDS, FILE_BYTES / 1024, requests, seconds, requests / seconds,
                (double) SESSIONS * ROUNDS * FILE_BYTES / (1 << 20) / seconds);
        System.out.printf("%-14s %8s %8s %8s %8s%n", "operation", "count", "p50 ms", "p95 ms", "p99 ms");
        timings.forEach((op, list) -> {
            List<Long> sorted = new ArrayList<>(list);
            Collections.sort(sorted);
            System.out.printf("%-14s %8d %8.1f %8.1f %8.1f%n", op, sorted.size(), pct(sorted, 50), pct(sorted, 95),
                    pct(sorted, 99));
        });
    }

    private void time(String operation, Supplier<HttpResponse<byte[]>> call) {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = call.get();
        long elapsed = System.nanoTime() - t0;
        if (r.statusCode() != 200) {
            throw new AssertionError(operation + " answered " + r.statusCode());
        }
        timings.computeIfAbsent(operation, k -> Collections.synchronizedList(new ArrayList<>())).add(elapsed);
    }

    private static double pct(List<Long> sorted, int p) {
        int i = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, i)) / 1e6;
    }
}
