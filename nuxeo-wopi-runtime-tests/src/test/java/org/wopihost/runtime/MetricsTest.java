package org.wopihost.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.wopihost.testclient.WopiClient;

import io.dropwizard.metrics5.MetricName;
import io.dropwizard.metrics5.MetricRegistry;
import io.dropwizard.metrics5.SharedMetricRegistries;

/**
 * WOPI requests over HTTP land in Nuxeo's metric registry (the one Nuxeo's MetricsService reports), as
 * {@code nuxeo.wopihost.*} metrics tagged by operation and status.
 */
public class MetricsTest extends WopiOverHttpTestCase {

    private final MetricRegistry registry = SharedMetricRegistries.getOrCreate("org.nuxeo.runtime.metrics.MetricsService");

    @Test
    public void requestsSavesAndLockConflictsAreInNuxeosRegistry() {
        user("alice", "ReadWrite");
        DocumentModel doc = report();
        WopiClient alice = client(doc, MAIN, "alice");
        long infos = timer("CheckFileInfo", 200);
        long saves = registry.counter(name("saves")).getCount();
        long conflicts = registry.counter(name("lock.conflicts").tagged("operation", "PutFile")).getCount();

        assertEquals(200, alice.checkFileInfo().statusCode());
        assertEquals(200, alice.lock("L1").statusCode());
        assertEquals(200, alice.putFile("second draft".getBytes(UTF_8), "X-WOPI-Lock", "L1").statusCode());
        assertEquals(409, alice.putFile("third draft".getBytes(UTF_8), "X-WOPI-Lock", "L2").statusCode());

        assertEquals(infos + 1, timer("CheckFileInfo", 200));
        assertEquals(saves + 1, registry.counter(name("saves")).getCount());
        assertEquals(conflicts + 1, registry.counter(name("lock.conflicts").tagged("operation", "PutFile")).getCount());
    }

    private long timer(String operation, int status) {
        return registry.timer(name("requests").tagged("operation", operation, "status", Integer.toString(status)))
                .getCount();
    }

    private static MetricName name(String metric) {
        return MetricName.build("nuxeo", "wopihost", metric);
    }
}
