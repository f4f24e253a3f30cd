package org.wopihost.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.security.SecurityConstants;
import org.wopihost.engine.StuckLocks;
import org.wopihost.engine.StuckLocks.Outcome;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.WopiUser;
import org.wopihost.testclient.WopiClient;

/**
 * A WOPI lock left behind by a crashed Office session, as Nuxeo users see it and release it: its holder
 * and since when; released by a user with Everything on the document (and the Nuxeo lock with it), not
 * by a mere writer.
 */
public class StuckLocksTest extends WopiOverHttpTestCase {

    @Test
    public void aDocumentManagerReleasesTheLockAndTheNuxeoLockWithItAWriterMayNot() {
        user("alice", SecurityConstants.READ_WRITE);
        user("bob", SecurityConstants.READ_WRITE);
        user("manager", SecurityConstants.EVERYTHING);
        DocumentModel doc = report();
        FileRef file = new FileRef(doc.getRepositoryName(), doc.getId(), MAIN);
        assertEquals(200, client(doc, MAIN, "alice").lock("office-crashed").statusCode());
        transactions.nextTransaction();
        StuckLocks stuck = new StuckLocks(service.platform());
        assertEquals("alice", stuck.holder(file).orElseThrow().userId());
        assertEquals("alice", session.getLockInfo(doc.getRef()).getOwner());

        assertEquals(Outcome.REFUSED, stuck.release(file, new WopiUser("bob", "Bob", null)));
        assertEquals(Outcome.RELEASED, stuck.release(file, new WopiUser("manager", "Manager", null)));
        transactions.nextTransaction();

        assertEquals("", WopiClient.header(client(doc, MAIN, "bob").getLock(), "X-WOPI-Lock"));
        assertNull("the Nuxeo lock taken for the session is released too", session.getLockInfo(doc.getRef()));
    }
}
