package org.wopihost.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.security.SecurityConstants;
import org.wopihost.testclient.WopiClient;

/** Unlocking the document in Nuxeo (Web UI's unlock, an administrator's) releases the WOPI lock. */
public class NuxeoUnlockTest extends WopiOverHttpTestCase {

    @Test
    public void aNuxeoUnlockReleasesTheWopiLock() {
        user("alice", SecurityConstants.READ_WRITE);
        DocumentModel doc = report();
        WopiClient alice = client(doc, MAIN, "alice");
        assertEquals(200, alice.lock("L1").statusCode());
        transactions.nextTransaction();
        assertEquals("alice", session.getLockInfo(doc.getRef()).getOwner());

        session.removeLock(doc.getRef()); // as Administrator, as Web UI's unlock does
        transactions.nextTransaction();

        assertEquals("", WopiClient.header(alice.getLock(), "X-WOPI-Lock"));
        assertEquals(409, alice.putFile("after the unlock".getBytes(UTF_8), "X-WOPI-Lock", "L1").statusCode());
    }
}
