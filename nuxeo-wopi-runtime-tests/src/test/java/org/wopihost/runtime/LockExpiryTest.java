package org.wopihost.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.nuxeo.ecm.core.api.CoreSession;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.security.SecurityConstants;
import org.nuxeo.ecm.core.event.EventService;
import org.nuxeo.ecm.core.event.impl.EventContextImpl;
import org.nuxeo.ecm.core.event.impl.EventImpl;
import org.nuxeo.runtime.api.Framework;
import org.nuxeo.runtime.kv.KeyValueService;
import org.wopihost.config.WopiSettings;
import org.wopihost.nuxeo.NuxeoLockStore;
import org.wopihost.nuxeo.RuntimeNuxeoServices;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.LockInfo;
import org.wopihost.testclient.WopiClient;

/**
 * WOPI locks expire 30 minutes after the last Lock or RefreshLock, on time, whatever the key/value store
 * (SQL and MongoDB enforce their TTLs a minute or two late), and the expiry job releases those Office
 * never unlocked together with the Nuxeo document locks we took for them.
 * <p>
 * "Office locked 31 minutes ago and never came back" is a lock taken through our lock store on the
 * same key/value store with a clock 31 minutes behind: its entry is stored with a 30-minute TTL from
 * that clock, so the store still holds it when the running service reads it.
 */
public class LockExpiryTest extends WopiOverHttpTestCase {

    private static final Duration OFFICE_GONE = WopiSettings.LOCK_TTL.plusMinutes(1);

    @Inject
    protected EventService events;

    private DocumentModel doc;
    private FileRef file;

    @Before
    public void shareTheReport() {
        user("alice", SecurityConstants.READ_WRITE);
        user("bob", SecurityConstants.READ_WRITE);
        doc = report();
        file = new FileRef(doc.getRepositoryName(), doc.getId(), MAIN);
    }

    @Test
    public void aLockPastItsExpiryIsGoneForGetLockLockAndPutFileThoughTheStoreStillHoldsIt() throws Exception {
        NuxeoLockStore thirtyOneMinutesAgo = lockedBy("alice", "OLD", OFFICE_GONE);
        assertEquals("the store still holds the entry", Optional.of("OLD"),
                thirtyOneMinutesAgo.get(file).map(LockInfo::lockId));

        WopiClient alice = client(doc, MAIN, "alice");
        assertEquals("", WopiClient.header(alice.getLock(), "X-WOPI-Lock"));
        var save = alice.putFile("late save".getBytes(UTF_8), "X-WOPI-Lock", "OLD");
        assertEquals(409, save.statusCode());
        assertEquals("", WopiClient.header(save, "X-WOPI-Lock"));
        assertEquals("a new session may lock", 200, alice.lock("NEW").statusCode());
        assertEquals("NEW", WopiClient.header(alice.getLock(), "X-WOPI-Lock"));
    }

    @Test
    public void theExpiryJobReleasesTheExpiredWopiLockAndTheNuxeoLockTakenForIt() throws Exception {
        NuxeoLockStore thirtyOneMinutesAgo = lockedBy("alice", "OLD", OFFICE_GONE);
        assertEquals("alice", session.getLockInfo(doc.getRef()).getOwner());
        CoreSession bobInWebUi = NuxeoDocs.session(session.getRepositoryName(), "bob");
        assertFalse(bobInWebUi.hasPermission(doc.getRef(), SecurityConstants.WRITE));

        runExpiryJob();

        assertNull("the Nuxeo lock is released", session.getLockInfo(doc.getRef()));
        assertEquals("the WOPI lock's entry is gone", Optional.empty(), thirtyOneMinutesAgo.get(file));
        DocumentModel bobsCopy = bobInWebUi.getDocument(doc.getRef());
        bobsCopy.setPropertyValue("dc:title", "bob's report");
        bobInWebUi.saveDocument(bobsCopy);
        transactions.nextTransaction();
        assertEquals("bob's report", session.getDocument(doc.getRef()).getTitle());
    }

    @Test
    public void theExpiryJobLeavesLiveLocks() {
        WopiClient alice = client(doc, MAIN, "alice");
        assertEquals(200, alice.lock("LIVE").statusCode());

        runExpiryJob();

        assertEquals("alice", session.getLockInfo(doc.getRef()).getOwner());
        assertEquals("LIVE", WopiClient.header(alice.getLock(), "X-WOPI-Lock"));
        assertEquals(200, alice.putFile("saved".getBytes(UTF_8), "X-WOPI-Lock", "LIVE").statusCode());
    }

    /**
     * Office locks the file as {@code user} {@code ago}, then never unlocks; the lock store of that time.
     * No login: the store is told the user, and takes the Nuxeo lock as them.
     */
    private NuxeoLockStore lockedBy(String user, String lockId, Duration ago) {
        Clock then = Clock.offset(Clock.systemUTC(), ago.negated());
        NuxeoLockStore store = new NuxeoLockStore(Framework.getService(KeyValueService.class)
                .getKeyValueStore(NuxeoLockStore.STORE_NAME), new RuntimeNuxeoServices(), then);
        Instant since = then.instant();
        assertTrue(store.create(file, new LockInfo(lockId, user, since, since.plus(WopiSettings.LOCK_TTL))));
        transactions.nextTransaction();
        return store;
    }

    /** What the scheduler does every 5 minutes: fire our event (then the test sees what it committed). */
    private void runExpiryJob() {
        events.fireEvent(new EventImpl("wopihostLockExpiry", new EventContextImpl()));
        transactions.nextTransaction();
    }
}
