package org.wopihost.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.wopihost.testclient.WopiClient.header;
import static org.wopihost.testclient.WopiClient.json;

import java.io.IOException;
import java.io.Serializable;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.Before;
import org.junit.Test;
import org.nuxeo.ecm.core.api.Blob;
import org.nuxeo.ecm.core.api.CoreInstance;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.security.ACE;
import org.nuxeo.ecm.core.api.security.ACL;
import org.nuxeo.ecm.core.api.security.ACP;
import org.nuxeo.ecm.core.api.security.SecurityConstants;
import org.nuxeo.runtime.transaction.TransactionHelper;
import org.wopihost.testclient.WopiClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Collabora Online's save protocol inside Nuxeo: X-COOL-WOPI-Timestamp checked with the write (409
 * COOLStatusCode 1010), LastModifiedTime answered as CheckFileInfo reports it, autosaves and saves
 * without user changes making no version while an exit save makes one, X-WOPI-Editors in
 * dc:contributors, and every save refused or failed once uploaded kept as a conflict copy: a File in
 * the same folder, or an attachment when the user may not create documents there.
 */
public class CollaboraSavesTest extends WopiOverHttpTestCase {

    private static final String LOCK = "cool-lock";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DocumentModel doc;
    private WopiClient alice;

    @Before
    public void aliceOpensTheReport() {
        user("alice", SecurityConstants.READ_WRITE);
        user("bob", SecurityConstants.READ_WRITE);
        doc = report();
        alice = client(doc, MAIN, "alice");
        assertEquals(200, alice.lock(LOCK).statusCode());
    }

    @Test
    public void aSaveAnswersTheLastModifiedTimeCheckFileInfoReportsAndTheNextSaveSendsItBack() {
        String loaded = alice.fileInfo().get("LastModifiedTime").asText();
        HttpResponse<byte[]> first = save("first", loaded, false, true);
        assertEquals(200, first.statusCode());
        String answered = json(first).get("LastModifiedTime").asText();
        assertEquals(alice.fileInfo().get("LastModifiedTime").asText(), answered);
        assertNotEquals(loaded, answered);
        assertEquals(200, save("second", answered, false, true).statusCode());
        assertArrayEquals(bytes("second"), alice.getFile().body());
    }

    @Test
    public void aStaleTimestampIs1010WritesNothingAndKeepsTheContentBesideTheFile() throws IOException {
        String loaded = alice.fileInfo().get("LastModifiedTime").asText();
        assertEquals(200, alice.putFile(bytes("the other change"), "X-WOPI-Lock", LOCK).statusCode());

        HttpResponse<byte[]> stale = save("stale edit", loaded, false, true);

        assertEquals(409, stale.statusCode());
        assertEquals(LOCK, header(stale, "X-WOPI-Lock"));
        JsonNode body = json(stale);
        assertEquals(1010, body.get("COOLStatusCode").asInt());
        assertArrayEquals(bytes("the other change"), alice.getFile().body());
        String copyName = body.get("ConflictCopy").get("BaseFileName").asText();
        assertTrue(copyName, copyName.startsWith("Report (conflict, alice, ") && copyName.endsWith(").docx"));
        transactions.nextTransaction();
        DocumentModel copy = documentTitled(copyName);
        assertEquals("the copy is alice's, in the report's folder", "alice", copy.getPropertyValue("dc:creator"));
        assertEquals(folder.getRef(), copy.getParentRef());
        assertArrayEquals(bytes("stale edit"), ((Blob) copy.getPropertyValue(MAIN)).getByteArray());
    }

    @Test
    public void autosavesMakeNoVersionAndTheExitSaveMakesOne() {
        transactions.nextTransaction();
        int before = session.getVersions(doc.getRef()).size();
        String ts = alice.fileInfo().get("LastModifiedTime").asText();
        for (int i = 1; i <= 4; i++) {
            HttpResponse<byte[]> autosave = save("autosave " + i, ts, true, true);
            assertEquals(200, autosave.statusCode());
            ts = json(autosave).get("LastModifiedTime").asText();
        }
        HttpResponse<byte[]> unmodified = save("autosave 4", ts, false, false);
        assertEquals("a save without user changes", 200, unmodified.statusCode());
        ts = json(unmodified).get("LastModifiedTime").asText();
        transactions.nextTransaction();
        assertEquals("no version for autosaves", before, session.getVersions(doc.getRef()).size());

        assertEquals(200, save("exit", ts, false, true, "X-COOL-WOPI-IsExitSave", "true").statusCode());
        transactions.nextTransaction();
        List<DocumentModel> versions = session.getVersions(doc.getRef());
        assertEquals("one version for the session", before + 1, versions.size());
        assertArrayEquals(bytes("exit"), content(versions.get(versions.size() - 1)));
    }

    @Test
    public void everyEditorIsCreditedAsAContributor() {
        assertEquals(200, alice.putFile(bytes("written together"), "X-WOPI-Lock", LOCK,
                "X-WOPI-Editors", "alice,bob,nobody").statusCode());
        transactions.nextTransaction();
        List<Object> contributors = Arrays.asList((Object[]) session.getDocument(doc.getRef())
                .getPropertyValue("dc:contributors"));
        assertTrue(String.valueOf(contributors), contributors.containsAll(List.of("alice", "bob")));
        assertFalse("unknown users are not credited", contributors.contains("nobody"));
    }

    @Test
    public void aSaveRefusedBecauseTheLockChangedDuringItsUploadIsKept() throws Exception {
        WopiClient other = client(doc, MAIN, "bob");
        UploadInterrupted.Answer refused = UploadInterrupted.putFile(service, "alice", fileId(doc, MAIN),
                alice.token(), bytes("typed before the lock went"), () -> {
                    other.unlock(LOCK);
                    other.lock("another-client");
                }, "X-WOPI-Lock", LOCK);

        assertEquals(409, refused.status());
        assertEquals("another-client", refused.headers().get("X-WOPI-Lock"));
        JsonNode body = JSON.readTree(refused.body());
        assertFalse(body.has("COOLStatusCode"));
        assertArrayEquals(REPORT, alice.getFile().body());
        transactions.nextTransaction();
        DocumentModel copy = documentTitled(body.get("ConflictCopy").get("BaseFileName").asText());
        assertArrayEquals(bytes("typed before the lock went"), content(copy));
    }

    @Test
    public void aSaveNuxeoRefusesIsKept() throws Exception {
        UploadInterrupted.Answer failed = UploadInterrupted.putFile(service, "alice", fileId(doc, MAIN),
                alice.token(), bytes("typed before alice lost Write"), () -> denyAliceWriteOnTheReport(),
                "X-WOPI-Lock", LOCK);

        assertEquals(500, failed.status());
        JsonNode body = JSON.readTree(failed.body());
        transactions.nextTransaction();
        DocumentModel copy = documentTitled(body.get("ConflictCopy").get("BaseFileName").asText());
        assertArrayEquals(bytes("typed before alice lost Write"), content(copy));
        assertArrayEquals(REPORT, content(session.getDocument(doc.getRef())));
    }

    @Test
    public void whereTheUserMayNotCreateDocumentsTheCopyIsAnAttachment() throws IOException {
        // carol may edit the report but not add documents to its folder
        user("carol", SecurityConstants.READ);
        NuxeoDocs.grant(session, doc, "carol", SecurityConstants.READ_WRITE);
        transactions.nextTransaction();
        WopiClient carol = client(doc, MAIN, "carol");
        String loaded = carol.fileInfo().get("LastModifiedTime").asText();
        assertEquals(200, alice.putFile(bytes("the other change"), "X-WOPI-Lock", LOCK).statusCode());

        HttpResponse<byte[]> stale = carol.putFile(bytes("carol's stale edit"), "X-WOPI-Lock", LOCK,
                "X-COOL-WOPI-Timestamp", loaded);

        assertEquals(409, stale.statusCode());
        String copyName = json(stale).get("ConflictCopy").get("BaseFileName").asText();
        transactions.nextTransaction();
        List<Serializable> attachments = new ArrayList<>();
        for (Object a : (List<?>) session.getDocument(doc.getRef()).getPropertyValue("files:files")) {
            attachments.add((Serializable) a);
        }
        Blob kept = (Blob) ((java.util.Map<?, ?>) attachments.get(attachments.size() - 1)).get("file");
        assertEquals(copyName, kept.getFilename());
        assertArrayEquals(bytes("carol's stale edit"), kept.getByteArray());
        assertArrayEquals(bytes("the other change"), alice.getFile().body());
    }

    @Test
    public void onlyAChangeOfTheFilesOwnContentMovesItsLastModifiedTime() {
        String loaded = alice.fileInfo().get("LastModifiedTime").asText();
        // the document changes, not this file: a title edit, a save of its attachment
        DocumentModel live = session.getDocument(doc.getRef());
        live.setPropertyValue("dc:title", "Report, renamed");
        session.saveDocument(live);
        transactions.nextTransaction();
        WopiClient budget = client(doc, ATTACHMENT, "alice");
        assertEquals(200, budget.lock("budget-lock").statusCode());
        assertEquals(200, budget.putFile(bytes("the new budget"), "X-WOPI-Lock", "budget-lock").statusCode());
        assertEquals(loaded, alice.fileInfo().get("LastModifiedTime").asText());
        assertEquals("no false \"changed in storage\"", 200, save("still mine", loaded, false, true).statusCode());

        // the file's content changes in Nuxeo (a new upload): that is a change
        String mine = alice.fileInfo().get("LastModifiedTime").asText();
        live = session.getDocument(doc.getRef());
        live.setPropertyValue(MAIN, (Serializable) NuxeoDocs.blob("Report.docx", bytes("uploaded in Nuxeo")));
        session.saveDocument(live);
        transactions.nextTransaction();
        assertEquals(409, save("after the upload", mine, false, true).statusCode());
    }

    /** Collabora's PutFile: its lock, the timestamp it loaded, and its flags. */
    private HttpResponse<byte[]> save(String text, String timestamp, boolean autosave, boolean modifiedByUser,
            String... more) {
        List<String> headers = new ArrayList<>(List.of("X-WOPI-Lock", LOCK, "X-COOL-WOPI-Timestamp", timestamp,
                "X-COOL-WOPI-IsAutosave", String.valueOf(autosave), "X-COOL-WOPI-IsModifiedByUser",
                String.valueOf(modifiedByUser)));
        headers.addAll(List.of(more));
        return alice.putFile(bytes(text), headers.toArray(String[]::new));
    }

    private DocumentModel documentTitled(String title) {
        List<DocumentModel> found = session.query("SELECT * FROM File WHERE dc:title = "
                + "'" + title.replace("'", "\\'") + "' AND ecm:isVersion = 0");
        assertEquals(title, 1, found.size());
        return found.get(0);
    }

    private void denyAliceWriteOnTheReport() {
        TransactionHelper.runInTransaction(() -> {
            var system = CoreInstance.getCoreSessionSystem(doc.getRepositoryName());
            ACP acp = system.getACP(doc.getRef());
            acp.getOrCreateACL(ACL.LOCAL_ACL).add(0, new ACE("alice", SecurityConstants.WRITE, false));
            system.setACP(doc.getRef(), acp, true);
            system.save();
        });
    }

    private static byte[] content(DocumentModel d) {
        try {
            return ((Blob) d.getPropertyValue(MAIN)).getByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }
}
