package org.wopihost.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertEquals;

import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.transaction.Transaction;

import org.apache.geronimo.transaction.manager.MonitorableTransactionManager;
import org.apache.geronimo.transaction.manager.TransactionManagerMonitor;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.nuxeo.runtime.jtajca.NuxeoContainer;
import org.nuxeo.runtime.test.runner.Deploy;
import org.wopihost.nuxeo.WopiRequests;
import org.wopihost.testclient.WopiClient;

import io.dropwizard.metrics5.Gauge;
import io.dropwizard.metrics5.MetricName;
import io.dropwizard.metrics5.MetricRegistry;
import io.dropwizard.metrics5.SharedMetricRegistries;

/**
 * What one WOPI request costs Nuxeo in the binding (our servlet, after Nuxeo's own login of the token,
 * which costs one principal lookup and no transaction): transactions begun, principal lookups, and
 * document states read from the repository. Observed through
 * Nuxeo itself: its transaction manager's association listener, its user manager (the class a server
 * runs, counting), and the metrics of the DBS cache a MongoDB server runs with. The requests run without
 * a request transaction, as on a server (OSGI-INF/test-request-cost-contrib.xml).
 * <p>
 * The engine resolves the request's file once (Users.find, then Permissions.access: ACL and metadata in
 * one transaction) and every step uses what it found; these counts guard that. Loading the document
 * reads 3 states: the document, its folder and the root (its path and inherited ACL). (Before: 2 to 4
 * principal lookups per request although Nuxeo had just logged the user in; a Lock took 3 transactions.)
 */
@Deploy("org.wopihost.nuxeo.runtime.tests:OSGI-INF/test-request-cost-contrib.xml")
public class RequestCostTest extends WopiOverHttpTestCase {

    private static final MetricName STATE_READS = MetricName.build("nuxeo.repositories.repository.cache.read.count")
            .tagged("repository", "test");

    private final MetricRegistry registry = SharedMetricRegistries.getOrCreate("org.nuxeo.runtime.metrics.MetricsService");

    private final Set<Transaction> begun = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    private final AtomicInteger wopiTransactions = new AtomicInteger();

    /** Counts the transactions begun on a thread serving a WOPI request (a resumed one is not new). */
    private final TransactionManagerMonitor transactionsBegun = new TransactionManagerMonitor() {
        @Override
        public void threadAssociated(Transaction tx) {
            if (WopiRequests.isActive() && begun.add(tx)) {
                wopiTransactions.incrementAndGet();
            }
        }

        @Override
        public void threadUnassociated(Transaction tx) {
            // counted when begun
        }
    };

    /** What one request cost. */
    record Cost(int transactions, int principalLookups, long stateReads) {
    }

    private static MonitorableTransactionManager transactionManager() {
        return (MonitorableTransactionManager) NuxeoContainer.getTransactionManager();
    }

    @Before
    public void listenToTransactions() {
        transactionManager().addTransactionAssociationListener(transactionsBegun);
    }

    @After
    public void stopListening() {
        transactionManager().removeTransactionAssociationListener(transactionsBegun);
    }

    private long stateReads() {
        @SuppressWarnings("unchecked")
        Gauge<Long> reads = (Gauge<Long>) registry.getGauges().get(STATE_READS);
        return reads.getValue();
    }

    private Cost cost(Supplier<HttpResponse<byte[]>> request) {
        transactions.nextTransaction(); // commits the test's own work, and waits for Nuxeo's async work
        int tx = wopiTransactions.get();
        int lookups = CountingUserManager.WOPI_LOOKUPS.get();
        long reads = stateReads();
        assertEquals(200, request.get().statusCode());
        transactions.nextTransaction(); // whatever the request left running is counted too
        Cost cost = new Cost(wopiTransactions.get() - tx, CountingUserManager.WOPI_LOOKUPS.get() - lookups,
                stateReads() - reads);
        System.out.println(cost); // the figures, for whoever tunes this
        return cost;
    }

    @Test
    public void eachOperationCostsNuxeoLittle() {
        user("alice", "ReadWrite");
        WopiClient alice = client(report(), MAIN, "alice");
        // no lookup: the principal is the one Nuxeo logged in for the token (so in every request)
        // ACL, metadata and may-create-beside in one transaction (3 reads: the document, its folder, the root)
        assertEquals("CheckFileInfo", new Cost(1, 0, 3), cost(alice::checkFileInfo));
        // the same lookup; the content, in a transaction of its own (3 reads again)
        assertEquals("GetFile", new Cost(2, 0, 6), cost(alice::getFile));
        // ACL and metadata; the Nuxeo lock looked at, then taken as alice, in one transaction (3 reads
        // again: the states of the first transaction are gone)
        assertEquals("Lock", new Cost(2, 0, 6), cost(() -> alice.lock("L")));
        // ACL and metadata; our own lock refreshed in the key/value store, no transaction (Office locks
        // again what it holds)
        assertEquals("Lock again", new Cost(1, 0, 3), cost(() -> alice.lock("L")));
        assertEquals("RefreshLock", new Cost(1, 0, 3), cost(() -> alice.refreshLock("L")));
        // ACL and metadata; the save, its lock re-check and its minor version in one transaction
        assertEquals("PutFile", new Cost(2, 0, 6),
                cost(() -> alice.putFile("second draft".getBytes(UTF_8), "X-WOPI-Lock", "L")));
        // ACL and metadata; the Nuxeo lock released (3 reads)
        assertEquals("Unlock", new Cost(2, 0, 6), cost(() -> alice.unlock("L")));
    }
}
