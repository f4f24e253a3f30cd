package org.wopihost.standalone.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wopihost.testclient.WopiClient.header;
import static org.wopihost.testclient.WopiClient.json;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.engine.WopiResponse;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;
import org.wopihost.standalone.store.Documents;
import org.wopihost.testclient.WopiClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Collabora Online's save protocol on the standalone host: X-COOL-WOPI-Timestamp checked with the
 * write, LastModifiedTime answered, autosaves as one working version, co-authors credited, and every
 * save refused once its content is in kept as a conflict copy beside the file.
 */
class CollaboraSavesTest {

    @RegisterExtension
    static final RunningHost HOST = new RunningHost();

    static final String LOCK = "cool-lock";

    String fileName;
    String fileId;
    WopiClient alice;

    @BeforeEach
    void freshFile() throws Exception {
        fileName = "report-" + System.nanoTime() + ".docx";
        fileId = HOST.newDocument(fileName, bytes("loaded"));
        alice = HOST.clientFor("alice", fileId, Permission.EDIT);
        assertThat(alice.lock(LOCK).statusCode()).isEqualTo(200);
    }

    @Test
    void aSaveAnswersTheLastModifiedTimeCheckFileInfoReportsAndTheNextSaveSendsItBack() {
        String loaded = alice.fileInfo().get("LastModifiedTime").asText();
        HttpResponse<byte[]> first = save("first", loaded, "false", "true");
        assertThat(first.statusCode()).isEqualTo(200);
        String answered = json(first).get("LastModifiedTime").asText();
        assertThat(answered).isEqualTo(alice.fileInfo().get("LastModifiedTime").asText()).isNotEqualTo(loaded);

        assertThat(save("second", answered, "false", "true").statusCode()).isEqualTo(200);
        assertThat(alice.getFile().body()).isEqualTo(bytes("second"));
    }

    @Test
    void aStaleTimestampIs1010WritesNothingAndKeepsTheContentAsAConflictCopy() throws Exception {
        String loaded = alice.fileInfo().get("LastModifiedTime").asText();
        // Another channel saves meanwhile (here: a save without timestamp, as Collabora's "overwrite").
        assertThat(alice.putFile(bytes("the other change"), "X-WOPI-Lock", LOCK).statusCode()).isEqualTo(200);

        HttpResponse<byte[]> stale = save("stale edit", loaded, "false", "true");

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(header(stale, "X-WOPI-Lock")).isEqualTo(LOCK);
        JsonNode body = json(stale);
        assertThat(body.get("COOLStatusCode").asInt()).isEqualTo(1010);
        assertThat(alice.getFile().body()).isEqualTo(bytes("the other change"));
        String copyName = body.get("ConflictCopy").get("BaseFileName").asText();
        assertThat(copyName).startsWith(fileName.replace(".docx", " (conflict, alice, ")).endsWith(").docx");
        assertThat(body.get("ConflictCopy").get("HostViewUrl").asText()).contains("/wopi/view/");
        assertThat(header(stale, "X-WOPIHost-ConflictCopy")).isNotEmpty();
        assertThat(conflictCopy(copyName)).isEqualTo(bytes("stale edit"));
    }

    @Test
    void autosavesOfASessionMakeOneWorkingVersionAndTheExitSaveMakesAVersion() throws Exception {
        String ts = alice.fileInfo().get("LastModifiedTime").asText();
        for (int i = 1; i <= 5; i++) {
            HttpResponse<byte[]> autosave = save("autosave " + i, ts, "true", "true");
            assertThat(autosave.statusCode()).isEqualTo(200);
            ts = json(autosave).get("LastModifiedTime").asText();
        }
        assertThat(versions()).containsExactly("1 final", "6 working");

        assertThat(save("exit", ts, "false", "true", "X-COOL-WOPI-IsExitSave", "true").statusCode()).isEqualTo(200);
        assertThat(versions()).containsExactly("1 final", "7 final");
        assertThat(alice.getFile().body()).isEqualTo(bytes("exit"));
    }

    @Test
    void aSaveWithoutUserChangesMakesNoVersion() throws Exception {
        String ts = alice.fileInfo().get("LastModifiedTime").asText();
        assertThat(save("same text, saved again", ts, "false", "false").statusCode()).isEqualTo(200);
        assertThat(versions()).containsExactly("1 final", "2 working");
    }

    @Test
    void everyEditorIsCreditedAsACoAuthor() throws Exception {
        assertThat(alice.putFile(bytes("written together"), "X-WOPI-Lock", LOCK, "X-WOPI-Editors", "alice,bob,nobody")
                .statusCode()).isEqualTo(200);
        assertThat(query("SELECT modified_by, co_authors FROM wopi_versions WHERE doc_id = ? ORDER BY version DESC"))
                .first().isEqualTo("alice bob");
    }

    @Test
    void aSaveRefusedBecauseTheLockChangedDuringItsUploadIsKept() throws Exception {
        WopiClient other = HOST.clientFor("alice", fileId, Permission.EDIT);
        WopiResponse refused = UploadInterrupted.putFile(HOST, fileId, alice.token(), bytes("typed before the lock went"),
                () -> {
                    other.unlock(LOCK);
                    other.lock("another-client");
                }, "X-WOPI-Lock", LOCK);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("X-WOPI-Lock")).isEqualTo("another-client");
        JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(UploadInterrupted.body(refused));
        assertThat(body.has("COOLStatusCode")).isFalse();
        assertThat(alice.getFile().body()).isEqualTo(bytes("loaded"));
        assertThat(conflictCopy(body.get("ConflictCopy").get("BaseFileName").asText()))
                .isEqualTo(bytes("typed before the lock went"));
    }

    @Test
    void aSaveTheStoreFailsToMakeIsKept() throws Exception {
        String docId = FileIdCodec.decode(fileId).orElseThrow().documentId();
        WopiResponse failed = UploadInterrupted.putFile(HOST, fileId, alice.token(), bytes("typed before the delete"),
                () -> deleteDocument(docId), "X-WOPI-Lock", LOCK);

        assertThat(failed.status()).isEqualTo(500);
        String copyName = new com.fasterxml.jackson.databind.ObjectMapper().readTree(UploadInterrupted.body(failed))
                .get("ConflictCopy").get("BaseFileName").asText();
        assertThat(conflictCopy(copyName)).isEqualTo(bytes("typed before the delete"));
    }

    /** Collabora's PutFile: its lock, the timestamp it loaded, and its flags. */
    private HttpResponse<byte[]> save(String text, String timestamp, String autosave, String modifiedByUser,
            String... more) {
        List<String> headers = new ArrayList<>(List.of("X-WOPI-Lock", LOCK, "X-COOL-WOPI-Timestamp", timestamp,
                "X-COOL-WOPI-IsAutosave", autosave, "X-COOL-WOPI-IsModifiedByUser", modifiedByUser));
        headers.addAll(List.of(more));
        return alice.putFile(bytes(text), headers.toArray(String[]::new));
    }

    /** The content of the conflict copy of that name, read over WOPI as alice. */
    private byte[] conflictCopy(String name) {
        String copyId = FileIdCodec.encode(new FileRef(Documents.REPOSITORY, HOST.docId(name), FileRef.MAIN_BLOB));
        return HOST.clientFor("alice", copyId, Permission.VIEW).getFile().body();
    }

    /** "version final|working" for each version of the file, oldest first. */
    private List<String> versions() throws Exception {
        return query("SELECT version, CASE WHEN working THEN 'working' ELSE 'final' END FROM wopi_versions"
                + " WHERE doc_id = ? ORDER BY version");
    }

    private List<String> query(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = HOST.documents().database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, FileIdCodec.decode(fileId).orElseThrow().documentId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        return rows;
    }

    private void deleteDocument(String docId) {
        try {
            HOST.server().host().platform().files().delete(new FileRef(Documents.REPOSITORY, docId, FileRef.MAIN_BLOB),
                    new org.wopihost.spi.WopiUser("alice", "Alice", null));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }
}
