package org.wopihost.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.Before;
import org.junit.Test;
import org.nuxeo.ecm.core.api.Blob;
import org.nuxeo.ecm.core.api.CoreSession;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.DocumentSecurityException;
import org.nuxeo.ecm.core.api.security.SecurityConstants;
import org.wopihost.testclient.WopiClient;

/**
 * Co-authoring in Office for the web inside Nuxeo: several users share one WOPI session, whose Nuxeo
 * document lock names only the first. Each user opens the edit host page over HTTP with their own login;
 * everyone with Write gets an edit token and saves under the session's one WOPI lock, a reader gets a
 * view token, and every save is a minor version credited to its author. Outside WOPI requests (Web UI,
 * REST, Drive: a CoreSession of the user) the document stays locked to everyone but the lock owner.
 */
public class CoEditingTest extends WopiOverHttpTestCase {

    private static final String LOCK = "{\"S\":\"office-session\"}";

    private DocumentModel doc;
    private String fileId;

    @Before
    public void shareTheReport() {
        user("alice", SecurityConstants.READ_WRITE);
        user("bob", SecurityConstants.READ_WRITE);
        user("carol", SecurityConstants.READ);
        doc = report();
        fileId = fileId(doc, MAIN);
    }

    @Test
    public void everyWriterEditsUnderOneLockAndEachSaveIsAVersionOfItsAuthor() throws IOException {
        WopiClient alice = open("alice");
        assertTrue(alice.fileInfo().get("UserCanWrite").asBoolean());
        assertEquals(200, alice.lock(LOCK).statusCode());
        assertEquals("the WOPI session holds the Nuxeo lock", "alice", lockOwner());

        WopiClient bob = open("bob");
        assertTrue("a co-editor joining the session gets an edit token", bob.fileInfo().get("UserCanWrite").asBoolean());
        WopiClient carol = open("carol");
        assertFalse("a reader gets a view token", carol.fileInfo().get("UserCanWrite").asBoolean());

        assertEquals(200, alice.putFile(bytes("alice's text"), "X-WOPI-Lock", LOCK).statusCode());
        assertEquals(200, bob.putFile(bytes("bob's text"), "X-WOPI-Lock", LOCK).statusCode());
        HttpResponse<byte[]> readerSave = carol.putFile(bytes("carol's text"), "X-WOPI-Lock", LOCK);
        assertTrue("status " + readerSave.statusCode(), readerSave.statusCode() >= 400);

        transactions.nextTransaction();
        // Nuxeo's own collaborative-save policy may first keep the draft of its previous author as a version.
        List<DocumentModel> versions = session.getVersions(doc.getRef());
        List<DocumentModel> saves = versions.subList(versions.size() - 2, versions.size());
        assertVersion(saves.get(0), "alice", "alice's text");
        assertVersion(saves.get(1), "bob", "bob's text");
        assertEquals("minor versions, one per save", minor(saves.get(0)) + 1, minor(saves.get(1)));
        DocumentModel live = session.getDocument(doc.getRef());
        assertEquals("bob", live.getPropertyValue("dc:lastContributor"));
        assertEquals("bob's text", content(live));
    }

    /** The host page renews its token (host-page.js, before expiry): same user, same file, same choice. */
    @Test
    public void theHostPageRenewsATokenForTheSameUserFileAndChoice() {
        WopiClient alice = HostPage.renew(service, "edit", fileId, "alice");
        assertEquals("alice", alice.fileInfo().get("UserId").asText());
        assertTrue(alice.fileInfo().get("UserCanWrite").asBoolean());
        assertEquals(200, alice.getFile().statusCode());
        assertFalse("the viewer's page renews a view token",
                HostPage.renew(service, "view", fileId, "alice").fileInfo().get("UserCanWrite").asBoolean());
        assertFalse("a reader's edit page renews a view token",
                HostPage.renew(service, "edit", fileId, "carol").fileInfo().get("UserCanWrite").asBoolean());
    }

    @Test
    public void outsideWopiRequestsOnlyTheLockOwnerMayWrite() {
        WopiClient alice = open("alice");
        assertEquals(200, alice.lock(LOCK).statusCode());
        open("bob"); // joining the session changes nothing outside it
        transactions.nextTransaction();

        CoreSession bobInWebUi = NuxeoDocs.session(session.getRepositoryName(), "bob");
        assertFalse(bobInWebUi.hasPermission(doc.getRef(), SecurityConstants.WRITE));
        DocumentModel bobsCopy = bobInWebUi.getDocument(doc.getRef());
        bobsCopy.setPropertyValue("dc:title", "bob was here");
        assertThrows(DocumentSecurityException.class, () -> bobInWebUi.saveDocument(bobsCopy));
        CoreSession aliceInWebUi = NuxeoDocs.session(session.getRepositoryName(), "alice");
        assertTrue("the lock owner still may", aliceInWebUi.hasPermission(doc.getRef(), SecurityConstants.WRITE));

        assertEquals(200, alice.unlock(LOCK).statusCode());
        transactions.nextTransaction();
        assertTrue("unlocked, the ACL decides again", bobInWebUi.hasPermission(doc.getRef(), SecurityConstants.WRITE));
    }

    private WopiClient open(String user) {
        return HostPage.openForEdit(service, fileId, user);
    }

    private String lockOwner() {
        transactions.nextTransaction();
        return session.getLockInfo(doc.getRef()).getOwner();
    }

    private static void assertVersion(DocumentModel version, String author, String text) throws IOException {
        assertEquals(0L, version.getPropertyValue("uid:major_version"));
        assertEquals(author, version.getPropertyValue("dc:lastContributor"));
        assertEquals(text, content(version));
    }

    private static long minor(DocumentModel version) {
        return (Long) version.getPropertyValue("uid:minor_version");
    }

    private static String content(DocumentModel doc) throws IOException {
        return ((Blob) doc.getPropertyValue("file:content")).getString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
