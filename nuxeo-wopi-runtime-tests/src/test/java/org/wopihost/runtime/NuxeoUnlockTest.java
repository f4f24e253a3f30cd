package org.wopihost.runtime;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.Test;
import org.nuxeo.ecm.core.api.CoreSession;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.security.SecurityConstants;
import org.wopihost.testclient.WopiClient;

/** Unlocking the document in Nuxeo (Web UI's unlock, an administrator's) releases the WOPI lock. */
public class NuxeoUnlockTest extends WopiHostTestCase {


    @Test
    public void aNuxeoUnlockReleasesTheWopiLock() {
        createUsers("alice");
        DocumentModel doc = sharedFile("plan.docx", "draft", "alice", SecurityConstants.READ_WRITE);
        String fileId = mainFileId(doc);
        WopiClient alice = editor(fileId, "alice");
        assertEquals(200, alice.lock("L1").statusCode());
        assertEquals("alice", lockOwner(doc));

        session.removeLock(doc.getRef()); // as Administrator, as Web UI's unlock does
        commit();

        assertEquals("", WopiClient.header(alice.getLock(), "X-WOPI-Lock"));
        assertEquals(409, alice.putFile(bytes("after the unlock"), "X-WOPI-Lock", "L1").statusCode());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
