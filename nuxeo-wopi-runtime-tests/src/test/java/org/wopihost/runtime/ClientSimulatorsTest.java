package org.wopihost.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.wopihost.testclient.WopiClient.header;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.Before;
import org.junit.Test;
import org.nuxeo.ecm.core.api.Blob;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.security.SecurityConstants;
import org.wopihost.testclient.WopiClient;
import org.wopihost.testclient.simulator.CollaboraSimulator;
import org.wopihost.testclient.simulator.EditorSimulator;
import org.wopihost.testclient.simulator.OfficeSimulator;
import org.wopihost.testclient.simulator.OnlyOfficeSimulator;
import org.wopihost.testclient.MutableClock;

/**
 * The three WOPI clients, simulated as each documents its behaviour (simulated time on the client side;
 * Nuxeo runs on its own clock), editing real documents over HTTP: no content lost, Office a minor
 * version per save, Collabora one version per session, ONLYOFFICE filling an empty file.
 */
public class ClientSimulatorsTest extends WopiOverHttpTestCase {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    private DocumentModel doc;

    @Before
    public void aliceAndHerReport() {
        user("alice", SecurityConstants.READ_WRITE);
        doc = report();
    }

    @Test
    public void wordSavesAMinorVersionEachTimeAndASecondSessionGetsTheLockHolder() throws IOException {
        OfficeSimulator word = new OfficeSimulator(alice(), clock, OfficeSimulator.App.WORD);
        assertEquals(200, word.open().statusCode());
        OfficeSimulator second = new OfficeSimulator(alice(), clock, OfficeSimulator.App.WORD);
        HttpResponse<byte[]> refused = second.open();
        assertEquals(409, refused.statusCode());
        assertEquals(word.lockId(), header(refused, "X-WOPI-Lock"));
        assertFalse(second.isEditing());
        int before = versions();

        word.typeEach(edits(30), Duration.ofSeconds(30)); // a quarter of an hour
        word.close();

        assertTrue(word.saves().stream().allMatch(s -> s.status() == 200));
        assertEquals(word.text(), new String(alice().getFile().body(), UTF_8));
        // Nuxeo's own collaborative-save policy first keeps the administrator's draft as a version of its own.
        assertEquals("a minor version per save", before + 1 + word.saves().size(), versions());
    }

    @Test
    public void collaboraAutosavesMakeNoVersionAndItsExitSaveMakesOne() throws IOException {
        CollaboraSimulator cool = new CollaboraSimulator(alice(), clock);
        assertEquals(200, cool.open().statusCode());
        int before = versions();
        for (int burst = 0; burst < 4; burst++) {
            cool.typeEach(edits(3), Duration.ofSeconds(10));
            cool.advance(Duration.ofMinutes(14)); // idle saves, re-locks
        }
        assertTrue(cool.saves().size() >= 4);
        assertEquals("autosaves: no version", before, versions());
        cool.type("the last words");
        cool.close();

        assertTrue(cool.saves().stream().allMatch(s -> s.status() == 200));
        assertEquals("exit", cool.saves().get(cool.saves().size() - 1).kind());
        assertEquals("one version for the session", before + 1, versions());
        assertArrayEquals("the last words".getBytes(UTF_8), content(session.getLastDocumentVersion(doc.getRef())));
    }

    @Test
    public void onlyofficeFillsAnEmptyFileUnderItsDocumentKey() throws IOException {
        DocumentModel empty = NuxeoDocs.file(session, folder.getPathAsString(), NuxeoDocs.blob("New.docx", new byte[0]));
        transactions.nextTransaction();
        WopiClient client = client(empty, MAIN, "alice");
        OnlyOfficeSimulator oo = new OnlyOfficeSimulator(client, clock, "oo-key-1", 10_000_000);
        assertEquals(200, oo.open().statusCode());
        assertEquals(200, oo.download().statusCode());
        assertEquals("oo-key-1", header(client.getLock(), "X-WOPI-Lock"));
        assertArrayEquals(OnlyOfficeSimulator.BLANK.getBytes(UTF_8), client.getFile().body());

        oo.typeEach(edits(20), Duration.ofMinutes(1));
        oo.close();

        assertEquals(List.of("new", "close"), oo.saves().stream().map(EditorSimulator.Save::kind).toList());
        assertTrue(oo.saves().stream().allMatch(s -> s.status() == 200));
        assertEquals(oo.text(), new String(client.getFile().body(), UTF_8));
    }

    @Test
    public void whenOfficeWritesOverACollaboraSessionWhoseLockWasLostTheCollaboraEditsAreKept() throws IOException {
        CollaboraSimulator cool = new CollaboraSimulator(alice(), clock);
        cool.open();
        cool.type("collabora's edit");
        alice().unlock(cool.lockToken());
        OfficeSimulator word = new OfficeSimulator(alice(), clock, OfficeSimulator.App.WORD);
        assertEquals(200, word.open().statusCode());
        word.type("word's edit");
        word.close();
        cool.advance(Duration.ofMinutes(16));

        assertEquals(1, cool.conflicts().size());
        String copyName = WopiClient.json(cool.conflicts().get(0)).get("ConflictCopy").get("BaseFileName").asText();
        assertArrayEquals("word's edit".getBytes(UTF_8), alice().getFile().body());
        transactions.nextTransaction();
        List<DocumentModel> copies = session.query("SELECT * FROM File WHERE dc:title = '"
                + copyName.replace("'", "\\'") + "' AND ecm:isVersion = 0");
        assertEquals(1, copies.size());
        assertArrayEquals("collabora's edit".getBytes(UTF_8), content(copies.get(0)));
        cool.close();
    }

    private WopiClient alice() {
        return client(doc, MAIN, "alice");
    }

    private int versions() {
        transactions.nextTransaction();
        return session.getVersions(doc.getRef()).size();
    }

    private static List<String> edits(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "edit " + i).toList();
    }

    private static byte[] content(DocumentModel d) throws IOException {
        return ((Blob) d.getPropertyValue(MAIN)).getByteArray();
    }
}
