package org.wopihost.standalone.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.wopihost.spi.WopiMetrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The engine's metrics in a Micrometer registry that writes Prometheus's text format ({@code GET /metrics}):
 * <ul>
 * <li>{@code wopi_requests_seconds} (count, sum, histogram buckets) by {@code operation} and {@code status}</li>
 * <li>{@code wopi_saves_total}, {@code wopi_lock_conflicts_total} (by {@code operation})</li>
 * <li>{@code wopi_discovery_refreshes_total} by {@code result} ({@code fetched}, {@code failed})</li>
 * <li>{@code wopi_proof_failures_total}</li>
 * </ul>
 */
public final class PrometheusMetrics implements WopiMetrics {

    /** Latency buckets from a fast CheckFileInfo to a large upload. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter saves = Counter.builder("wopi.saves").description("New versions stored by PutFile and PutRelativeFile")
            .register(registry);
    private final Counter proofFailures = Counter.builder("wopi.proof.failures")
            .description("Requests whose X-WOPI-Proof did not verify (answered 500)").register(registry);

    /**
     * The request timers by operation and status: building and registering one (the registry's own
     * lookup) on every request cost more than recording.
     */
    private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();

    @Override
    public void request(String operation, int status, long nanos) {
        requestTimers.computeIfAbsent(operation + ' ' + status, key -> Timer.builder("wopi.requests")
                .description("WOPI requests by operation and status, from arrival to last byte")
                .tag("operation", operation).tag("status", Integer.toString(status)).serviceLevelObjectives(BUCKETS)
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        if (WopiMetrics.isSave(operation, status)) {
            saves.increment();
        }
        if (WopiMetrics.isLockConflict(operation, status)) {
            Counter.builder("wopi.lock.conflicts").description("Requests refused (409) for a lock they did not hold")
                    .tag("operation", operation).register(registry).increment();
        }
    }

    @Override
    public void proofFailure() {
        proofFailures.increment();
    }

    @Override
    public void discoveryRefresh(boolean fetched) {
        Counter.builder("wopi.discovery.refreshes").description("Fetches of the WOPI client's discovery")
                .tag("result", fetched ? "fetched" : "failed").register(registry).increment();
    }

    /** Everything in Prometheus's text exposition format. */
    public String scrape() {
        return registry.scrape();
    }
}
