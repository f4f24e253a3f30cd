package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wopihost.testclient.WopiClient.header;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;
import org.wopihost.standalone.store.Documents;
import org.wopihost.testclient.WopiClient;
import org.wopihost.testclient.simulator.CollaboraSimulator;
import org.wopihost.testclient.simulator.EditorSimulator;
import org.wopihost.testclient.simulator.OfficeSimulator;
import org.wopihost.testclient.simulator.OnlyOfficeSimulator;
import org.wopihost.testclient.MutableClock;

/**
 * The three WOPI clients, each simulated as it documents its behaviour, through hour-long sessions of
 * simulated time against the standalone host, which runs on the same clock (so a lock a client forgot
 * to refresh would expire): no content lost, and the versions each client's saves should make.
 */
class ClientSimulatorsTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));

    @RegisterExtension
    static final RunningHost HOST = new RunningHost(Map.of("standalone.versions.kept", "1000"), CLOCK);

    @Test
    void wordSavesEveryHalfMinuteKeepsItsLockAndASecondSessionGetsTheLockHolder() throws Exception {
        String fileId = HOST.newDocument("office-" + System.nanoTime() + ".docx", "v0".getBytes());
        OfficeSimulator word = new OfficeSimulator(alice(fileId), CLOCK, OfficeSimulator.App.WORD);
        assertThat(word.open().statusCode()).isEqualTo(200);

        OfficeSimulator second = new OfficeSimulator(alice(fileId), CLOCK, OfficeSimulator.App.WORD);
        HttpResponse<byte[]> refused = second.open();
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(header(refused, "X-WOPI-Lock")).isEqualTo(word.lockId());
        assertThat(second.isEditing()).isFalse();

        word.typeEach(edits(120), Duration.ofSeconds(30)); // an hour of typing
        word.close();

        assertThat(word.saves()).allSatisfy(s -> assertThat(s.status()).as(s.kind()).isEqualTo(200));
        assertThat(word.saves().size()).isBetween(100, 125);
        assertThat(alice(fileId).getFile().body()).isEqualTo(word.text().getBytes());
        assertThat(versions(fileId)).as("Office marks no save: each is a version").hasSize(word.saves().size() + 1)
                .allMatch(v -> v.endsWith("final"));
    }

    @Test
    void collaboraRelocksAutosavesIntoOneWorkingVersionAndItsExitSaveMakesTheVersion() throws Exception {
        String fileId = HOST.newDocument("cool-" + System.nanoTime() + ".odt", "v0".getBytes());
        CollaboraSimulator cool = new CollaboraSimulator(alice(fileId), CLOCK);
        assertThat(cool.open().statusCode()).isEqualTo(200);

        // An hour: bursts of typing, pauses; the lock (30 minutes) lives only through the re-locks.
        for (int burst = 0; burst < 6; burst++) {
            cool.typeEach(edits(5).stream().map(e -> e + " burst " + CLOCK.instant()).toList(), Duration.ofSeconds(10));
            cool.advance(Duration.ofMinutes(9));
        }
        assertThat(versions(fileId)).as("autosaves so far: one working version").containsExactly(
                "1 final", lastVersion(fileId) + " working");
        cool.type("the last words");
        cool.close();

        assertThat(cool.saves()).allSatisfy(s -> assertThat(s.status()).as(s.kind()).isEqualTo(200));
        assertThat(cool.saves()).extracting(EditorSimulator.Save::kind).contains("autosave").endsWith("exit");
        assertThat(alice(fileId).getFile().body()).isEqualTo("the last words".getBytes());
        assertThat(versions(fileId)).containsExactly("1 final", lastVersion(fileId) + " final");
    }

    @Test
    void onlyofficeFillsAnEmptyFileUnderItsDocumentKeyAndSavesOnClose() throws Exception {
        String fileId = HOST.newDocument("oo-" + System.nanoTime() + ".docx", new byte[0]);
        OnlyOfficeSimulator oo = new OnlyOfficeSimulator(alice(fileId), CLOCK, "doc-key-" + fileId.hashCode(), 1_000_000);
        assertThat(oo.open().statusCode()).isEqualTo(200);
        assertThat(oo.download().statusCode()).isEqualTo(200);
        assertThat(alice(fileId).getFile().body()).isEqualTo(OnlyOfficeSimulator.BLANK.getBytes());
        assertThat(header(alice(fileId).getLock(), "X-WOPI-Lock")).isEqualTo("doc-key-" + fileId.hashCode());

        oo.typeEach(edits(60), Duration.ofMinutes(1)); // the lock lives through its refreshes
        oo.close();

        assertThat(oo.saves()).extracting(EditorSimulator.Save::status).containsOnly(200);
        assertThat(oo.saves()).extracting(EditorSimulator.Save::kind).containsExactly("new", "close");
        assertThat(alice(fileId).getFile().body()).isEqualTo(oo.text().getBytes());
    }

    @Test
    void onlyofficeIsToldAFileIsLargerThanItAccepts() throws Exception {
        String fileId = HOST.newDocument("big-" + System.nanoTime() + ".docx", new byte[2000]);
        OnlyOfficeSimulator oo = new OnlyOfficeSimulator(alice(fileId), CLOCK, "big-key", 1000);
        oo.open();
        assertThat(oo.download().statusCode()).isEqualTo(412);
        oo.close();
    }

    @Test
    void whenOfficeWritesOverACollaboraSessionWhoseLockWasLostTheCollaboraEditsAreKept() throws Exception {
        String fileId = HOST.newDocument("both-" + System.nanoTime() + ".docx", "v0".getBytes());
        CollaboraSimulator cool = new CollaboraSimulator(alice(fileId), CLOCK);
        cool.open();
        cool.type("collabora's edit");
        alice(fileId).unlock(cool.lockToken()); // an administrator breaks the lock, say
        OfficeSimulator word = new OfficeSimulator(alice(fileId), CLOCK, OfficeSimulator.App.WORD);
        assertThat(word.open().statusCode()).isEqualTo(200);
        word.type("word's edit");
        word.close();
        // Collabora takes the lock again at its next re-lock, then autosaves with its old timestamp.
        cool.advance(Duration.ofMinutes(16));

        assertThat(cool.conflicts()).hasSize(1);
        String copy = WopiClient.json(cool.conflicts().get(0)).get("ConflictCopy").get("BaseFileName").asText();
        assertThat(alice(fileId).getFile().body()).isEqualTo("word's edit".getBytes());
        String copyId = FileIdCodec.encode(new FileRef(Documents.REPOSITORY, HOST.docId(copy), FileRef.MAIN_BLOB));
        assertThat(alice(copyId).getFile().body()).isEqualTo("collabora's edit".getBytes());
        cool.close();
    }

    private static WopiClient alice(String fileId) {
        return HOST.clientFor("alice", fileId, Permission.EDIT);
    }

    private static List<String> edits(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "edit " + i).toList();
    }

    private static int lastVersion(String fileId) throws Exception {
        List<String> v = versions(fileId);
        return Integer.parseInt(v.get(v.size() - 1).split(" ")[0]);
    }

    /** "version final|working" for each stored version of the file, oldest first. */
    private static List<String> versions(String fileId) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = HOST.documents().database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT version, working FROM wopi_versions"
                        + " WHERE doc_id = ? ORDER BY version")) {
            ps.setString(1, FileIdCodec.decode(fileId).orElseThrow().documentId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getInt(1) + (rs.getBoolean(2) ? " working" : " final"));
                }
            }
        }
        return rows;
    }
}
