package org.wopihost.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.wopihost.testclient.WopiClient.header;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.Before;
import org.junit.Test;
import org.nuxeo.ecm.core.api.Blob;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.PathRef;
import org.wopihost.testclient.WopiClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every WOPI operation the add-on offers, over HTTP through Nuxeo's authentication filter, on a real
 * File document's main file and on its attachment, with tokens the add-on issues: the statuses and
 * headers of the spec, and what lands in Nuxeo (blob, last contributor, versions, documents).
 */
public class WopiOperationsTest extends WopiOverHttpTestCase {

    private DocumentModel doc;

    @Before
    public void createAliceAndHerDocument() {
        user("alice", "ReadWrite");
        doc = report();
    }

    private WopiClient alice(String xpath) {
        return client(doc, xpath, "alice");
    }

    private DocumentModel reread() {
        transactions.nextTransaction();
        return session.getDocument(doc.getRef());
    }

    private static Blob blob(DocumentModel d, String xpath) {
        return (Blob) d.getPropertyValue(xpath);
    }

    /**
     * The save is the live document's newest version, a minor one, credited to alice. (Nuxeo's own
     * collaborative-save policy may first keep the previous contributor's state as a version of its own.)
     */
    private void assertSavedAsMinorVersion(DocumentModel live, String xpath, byte[] saved) throws IOException {
        assertEquals("alice", live.getPropertyValue("dc:lastContributor"));
        DocumentModel newest = session.getLastDocumentVersion(doc.getRef());
        assertEquals(live.getVersionLabel(), newest.getVersionLabel());
        assertTrue(newest.getVersionLabel(), newest.getVersionLabel().matches("0\\.[1-9]\\d*"));
        assertEquals("alice", newest.getPropertyValue("dc:lastContributor"));
        assertArrayEquals(saved, blob(newest, xpath).getByteArray());
    }

    @Test
    public void checkFileInfoAndGetFileServeTheMainFileAndTheAttachment() {
        for (String xpath : List.of(MAIN, ATTACHMENT)) {
            WopiClient client = alice(xpath);
            byte[] expected = xpath.equals(MAIN) ? REPORT : BUDGET;
            JsonNode info = client.fileInfo();
            assertEquals(xpath.equals(MAIN) ? "Report.docx" : "Budget.xlsx", info.get("BaseFileName").asText());
            assertEquals(expected.length, info.get("Size").asLong());
            assertEquals("alice", info.get("UserId").asText());
            assertTrue(info.get("UserCanWrite").asBoolean());
            HttpResponse<byte[]> file = client.getFile();
            assertEquals(200, file.statusCode());
            assertArrayEquals(expected, file.body());
            assertEquals(info.get("Version").asText(), header(file, "X-WOPI-ItemVersion"));
            assertEquals(412, client.getFile("X-WOPI-MaxExpectedSize", "3").statusCode());
        }
    }

    @Test
    public void aSaveUnderTheLockLandsAsTheUsersNewMinorVersion() throws IOException {
        WopiClient client = alice(MAIN);
        HttpResponse<byte[]> unlocked = client.putFile("no lock".getBytes(UTF_8));
        assertEquals("a non-empty file must be locked to be saved", 409, unlocked.statusCode());
        assertEquals("", header(unlocked, "X-WOPI-Lock"));

        HttpResponse<byte[]> lock = client.lock("lock-1");
        assertEquals(200, lock.statusCode());
        assertEquals(client.fileInfo().get("Version").asText(), header(lock, "X-WOPI-ItemVersion"));
        assertEquals("lock-1", header(client.getLock(), "X-WOPI-Lock"));
        HttpResponse<byte[]> otherLock = client.lock("lock-2");
        assertEquals(409, otherLock.statusCode());
        assertEquals("lock-1", header(otherLock, "X-WOPI-Lock"));
        HttpResponse<byte[]> wrongLock = client.putFile("wrong lock".getBytes(UTF_8), "X-WOPI-Lock", "lock-2");
        assertEquals(409, wrongLock.statusCode());
        assertEquals("lock-1", header(wrongLock, "X-WOPI-Lock"));

        byte[] saved = "the report, second draft".getBytes(UTF_8);
        HttpResponse<byte[]> put = client.putFile(saved, "X-WOPI-Lock", "lock-1");
        assertEquals(200, put.statusCode());
        JsonNode after = client.fileInfo();
        assertEquals("PutFile's version is the stored file's", after.get("Version").asText(),
                header(put, "X-WOPI-ItemVersion"));
        assertEquals(saved.length, after.get("Size").asLong());
        HttpResponse<byte[]> read = client.getFile();
        assertArrayEquals(saved, read.body());
        assertEquals(header(put, "X-WOPI-ItemVersion"), header(read, "X-WOPI-ItemVersion"));

        DocumentModel live = reread();
        assertArrayEquals(saved, blob(live, MAIN).getByteArray());
        assertEquals("Report.docx", blob(live, MAIN).getFilename());
        assertEquals("alice", live.getPropertyValue("dc:lastContributor"));
        assertSavedAsMinorVersion(live, MAIN, saved);
        assertArrayEquals("the attachment is untouched", BUDGET, blob(live, ATTACHMENT).getByteArray());
        int versions = session.getVersions(doc.getRef()).size();
        byte[] again = "the report, third draft".getBytes(UTF_8);
        assertEquals(200, client.putFile(again, "X-WOPI-Lock", "lock-1").statusCode());
        assertSavedAsMinorVersion(reread(), MAIN, again);
        assertEquals("one version per save", versions + 1, session.getVersions(doc.getRef()).size());

        assertEquals(200, client.refreshLock("lock-1").statusCode());
        HttpResponse<byte[]> refreshOther = client.refreshLock("lock-2");
        assertEquals(409, refreshOther.statusCode());
        assertEquals("lock-1", header(refreshOther, "X-WOPI-Lock"));
        assertEquals(200, client.unlockAndRelock("lock-1", "lock-3").statusCode());
        assertEquals("lock-3", header(client.getLock(), "X-WOPI-Lock"));
        HttpResponse<byte[]> unlockOther = client.unlock("lock-1");
        assertEquals(409, unlockOther.statusCode());
        assertEquals("lock-3", header(unlockOther, "X-WOPI-Lock"));
        assertEquals(200, client.unlock("lock-3").statusCode());
        HttpResponse<byte[]> none = client.getLock();
        assertEquals(200, none.statusCode());
        assertEquals("", header(none, "X-WOPI-Lock"));
        HttpResponse<byte[]> unlockAgain = client.unlock("lock-3");
        assertEquals(409, unlockAgain.statusCode());
        assertEquals("", header(unlockAgain, "X-WOPI-Lock"));
    }

    @Test
    public void anEmptyFileIsSavedWithoutALock() throws IOException {
        DocumentModel empty = NuxeoDocs.file(session, folder.getPathAsString(), NuxeoDocs.blob("New.docx", new byte[0]));
        transactions.nextTransaction();
        WopiClient client = client(empty, MAIN, "alice");
        byte[] first = "the first words".getBytes(UTF_8);
        HttpResponse<byte[]> put = client.putFile(first);
        assertEquals(200, put.statusCode());
        assertEquals(client.fileInfo().get("Version").asText(), header(put, "X-WOPI-ItemVersion"));
        transactions.nextTransaction();
        assertArrayEquals(first, blob(session.getDocument(empty.getRef()), MAIN).getByteArray());
        assertEquals("now it has content, a save needs the lock", 409, client.putFile(first).statusCode());
    }

    @Test
    public void aSaveOnTheAttachmentReplacesThatAttachmentOnly() throws IOException {
        WopiClient client = alice(ATTACHMENT);
        assertEquals(200, client.lock("budget-lock").statusCode());
        byte[] saved = "the budget, second draft".getBytes(UTF_8);
        HttpResponse<byte[]> put = client.putFile(saved, "X-WOPI-Lock", "budget-lock");
        assertEquals(200, put.statusCode());
        assertEquals(client.fileInfo().get("Version").asText(), header(put, "X-WOPI-ItemVersion"));
        assertEquals(200, client.unlock("budget-lock").statusCode());

        DocumentModel live = reread();
        assertArrayEquals(saved, blob(live, ATTACHMENT).getByteArray());
        assertEquals("Budget.xlsx", blob(live, ATTACHMENT).getFilename());
        assertArrayEquals(REPORT, blob(live, MAIN).getByteArray());
        assertSavedAsMinorVersion(live, ATTACHMENT, saved);
    }

    @Test
    public void putRelativeFileCreatesASiblingDocument() throws IOException {
        WopiClient client = alice(MAIN);
        byte[] copy = "a copy of the report".getBytes(UTF_8);
        HttpResponse<byte[]> created = client.putRelative(copy, "X-WOPI-SuggestedTarget", "Copy.docx",
                "X-WOPI-Size", String.valueOf(copy.length));
        assertEquals(200, created.statusCode());
        JsonNode result = WopiClient.json(created);
        assertEquals("Copy.docx", result.get("Name").asText());
        WopiClient sibling = WopiClient.fromUrl(result.get("Url").asText());
        JsonNode info = sibling.fileInfo();
        assertEquals("Copy.docx", info.get("BaseFileName").asText());
        assertEquals("alice", info.get("UserId").asText());
        HttpResponse<byte[]> read = sibling.getFile();
        assertArrayEquals(copy, read.body());
        assertEquals(info.get("Version").asText(), header(read, "X-WOPI-ItemVersion"));

        HttpResponse<byte[]> taken = client.putRelative(copy, "X-WOPI-RelativeTarget", "Copy.docx");
        assertEquals(409, taken.statusCode());
        assertNotNull(header(taken, "X-WOPI-ValidRelativeTarget"));

        transactions.nextTransaction();
        List<DocumentModel> children = session.getChildren(new PathRef("/wopi"));
        assertEquals(2, children.size());
        DocumentModel made = children.stream().filter(d -> !d.getId().equals(doc.getId())).findFirst().orElseThrow();
        assertEquals("File", made.getType());
        assertEquals("alice", made.getPropertyValue("dc:creator"));
        assertEquals("Copy.docx", blob(made, MAIN).getFilename());
        assertArrayEquals(copy, blob(made, MAIN).getByteArray());
    }

    @Test
    public void saveAsNeedsAddChildrenOnTheFolder() {
        user("bob", "Read");
        NuxeoDocs.grant(session, doc, "bob", "ReadWrite"); // Write on the document, not on its folder
        transactions.nextTransaction();
        WopiClient bob = client(doc, MAIN, "bob");
        JsonNode info = bob.fileInfo();
        assertTrue(info.get("UserCanWrite").asBoolean());
        assertTrue(info.get("UserCanNotWriteRelative").asBoolean());
        assertEquals(401, bob.putRelative("copy".getBytes(UTF_8), "X-WOPI-SuggestedTarget", "Copy.docx").statusCode());
        transactions.nextTransaction();
        assertEquals(1, session.getChildren(folder.getRef()).size());
    }

    @Test
    public void aVersionOpensReadOnly() {
        DocumentModel version = session.getDocument(session.checkIn(doc.getRef(), null, null));
        transactions.nextTransaction();
        WopiClient client = client(version, MAIN, "alice");
        JsonNode info = client.fileInfo();
        assertFalse(info.get("UserCanWrite").asBoolean());
        assertArrayEquals(REPORT, client.getFile().body());
        assertEquals(401, client.lock("lock").statusCode());
        assertEquals(401, client.putFile("overwritten".getBytes(UTF_8)).statusCode());
    }

    @Test
    public void renameFileRenamesTheBlob() {
        WopiClient client = alice(MAIN);
        HttpResponse<byte[]> renamed = client.rename("Annual Report");
        assertEquals(200, renamed.statusCode());
        assertEquals("Annual Report", WopiClient.json(renamed).get("Name").asText());
        assertEquals("Annual Report.docx", client.fileInfo().get("BaseFileName").asText());
        DocumentModel live = reread();
        assertEquals("Annual Report.docx", blob(live, MAIN).getFilename());
        assertEquals("the title followed the file name", "Annual Report.docx", live.getTitle());

        HttpResponse<byte[]> illegal = client.rename("a/b");
        assertEquals(400, illegal.statusCode());
        assertNotNull(header(illegal, "X-WOPI-InvalidFileNameError"));
        assertEquals(200, client.lock("lock-1").statusCode());
        HttpResponse<byte[]> locked = client.rename("Other", "X-WOPI-Lock", "lock-2");
        assertEquals(409, locked.statusCode());
        assertEquals("lock-1", header(locked, "X-WOPI-Lock"));
        assertEquals(200, client.unlock("lock-1").statusCode());

        WopiClient attachment = alice(ATTACHMENT);
        assertEquals(200, attachment.rename("Budget 2027").statusCode());
        assertEquals("Budget 2027.xlsx", blob(reread(), ATTACHMENT).getFilename());
    }

    @Test
    public void deleteFileRemovesTheAttachmentThenTheDocument() throws IOException {
        WopiClient attachment = alice(ATTACHMENT);
        assertEquals(200, attachment.lock("budget-lock").statusCode());
        assertEquals("a locked file stays", 409, attachment.delete().statusCode());
        assertEquals(200, attachment.unlock("budget-lock").statusCode());
        assertEquals(200, attachment.delete().statusCode());
        DocumentModel live = reread();
        assertEquals(List.of(), live.getPropertyValue("files:files"));
        assertArrayEquals(REPORT, blob(live, MAIN).getByteArray());
        assertEquals(404, attachment.checkFileInfo().statusCode());

        WopiClient main = alice(MAIN);
        assertEquals(200, main.lock("lock-1").statusCode());
        HttpResponse<byte[]> locked = main.delete();
        assertEquals(409, locked.statusCode());
        assertEquals("lock-1", header(locked, "X-WOPI-Lock"));
        assertEquals(200, main.unlock("lock-1").statusCode());
        assertEquals(200, main.delete().statusCode());
        transactions.nextTransaction();
        assertFalse(session.exists(doc.getRef()));
        assertEquals(404, main.checkFileInfo().statusCode());
    }
}
