package org.wopihost.nuxeo;

import java.util.concurrent.TimeUnit;

import org.wopihost.spi.WopiMetrics;

import io.dropwizard.metrics5.MetricName;
import io.dropwizard.metrics5.MetricRegistry;
import io.dropwizard.metrics5.SharedMetricRegistries;

/**
 * The engine's metrics in Nuxeo's metric registry (Dropwizard metrics 5, the registry Nuxeo's
 * MetricsService reports to Graphite, JMX, Prometheus...): {@code nuxeo.wopihost.requests} timers by
 * {@code operation} and {@code status}, {@code nuxeo.wopihost.saves}, {@code nuxeo.wopihost.lock.conflicts}
 * by {@code operation}, {@code nuxeo.wopihost.discovery.refreshes} by {@code result},
 * {@code nuxeo.wopihost.proof.failures}.
 */
final class NuxeoMetrics implements WopiMetrics {

    /** The registry's name: that of Nuxeo's MetricsService, as Nuxeo's own metrics use it. */
    static final String REGISTRY = "org.nuxeo.runtime.metrics.MetricsService";

    private final MetricRegistry registry = SharedMetricRegistries.getOrCreate(REGISTRY);

    /** Nuxeo's registry when the platform ships Dropwizard metrics 5; otherwise nothing is counted. */
    static WopiMetrics create() {
        try {
            Class.forName("io.dropwizard.metrics5.SharedMetricRegistries", false, NuxeoMetrics.class.getClassLoader());
            return new NuxeoMetrics();
        } catch (ClassNotFoundException | LinkageError e) {
            return WopiMetrics.NONE;
        }
    }

    @Override
    public void request(String operation, int status, long nanos) {
        registry.timer(name("requests").tagged("operation", operation, "status", Integer.toString(status)))
                .update(nanos, TimeUnit.NANOSECONDS);
        if (WopiMetrics.isSave(operation, status)) {
            registry.counter(name("saves")).inc();
        }
        if (WopiMetrics.isLockConflict(operation, status)) {
            registry.counter(name("lock.conflicts").tagged("operation", operation)).inc();
        }
    }

    @Override
    public void proofFailure() {
        registry.counter(name("proof.failures")).inc();
    }

    @Override
    public void discoveryRefresh(boolean fetched) {
        registry.counter(name("discovery.refreshes").tagged("result", fetched ? "fetched" : "failed")).inc();
    }

    private static MetricName name(String metric) {
        return MetricName.build("nuxeo", "wopihost", metric);
    }
}
