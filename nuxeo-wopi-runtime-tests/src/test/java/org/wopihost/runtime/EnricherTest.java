package org.wopihost.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.nuxeo.ecm.core.api.CoreSession;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.io.marshallers.json.document.DocumentModelJsonWriter;
import org.nuxeo.ecm.core.io.registry.MarshallerHelper;
import org.nuxeo.ecm.core.io.registry.context.RenderingContext;
import org.nuxeo.ecm.core.io.registry.context.RenderingContext.CtxBuilder;
import org.nuxeo.runtime.test.runner.Features;
import org.nuxeo.runtime.test.runner.FeaturesRunner;
import org.nuxeo.runtime.test.runner.TransactionalFeature;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.nuxeo.WopiHostService;
import org.wopihost.spi.FileRef;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code wopi} blob enricher on real File documents, rendered by Nuxeo's JSON marshalling as the REST
 * API renders a document for a request asking {@code enrichers.blob: wopi}, in a session of each user:
 * the main file and each attachment an application opens get links to our host pages, {@code view} for
 * a reader, {@code view} and {@code edit} for a writer; other files get nothing. The JSON is also written
 * to target/enricher-json/ for the Web UI element's browser test.
 */
@RunWith(FeaturesRunner.class)
@Features(WopiHostFeature.class)
public class EnricherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    protected WopiHostFeature host;

    @Inject
    protected CoreSession session;

    @Inject
    protected WopiHostService service;

    @Inject
    protected TransactionalFeature transactions;

    private DocumentModel report;

    @Before
    public void aReportWithAttachments() {
        NuxeoDocs.user("writer");
        NuxeoDocs.user("reader");
        report = NuxeoDocs.file(session, "/", NuxeoDocs.blob("Report.docx", "report"),
                NuxeoDocs.blob("Budget.xlsx", "budget"), NuxeoDocs.blob("notes.txt", "notes"),
                NuxeoDocs.blob("Slides.pptx", "slides"));
        NuxeoDocs.grant(session, report, "writer", "ReadWrite");
        NuxeoDocs.grant(session, report, "reader", "Read");
        transactions.nextTransaction();
    }

    @Test
    public void aWriterGetsViewAndEditLinksOnTheMainFileAndEachAttachmentAnAppOpens() throws IOException {
        JsonNode properties = render("writer", report, "writer.json").get("properties");
        assertLinks(properties.get("file:content"), "Word", FileRef.MAIN_BLOB, true);
        JsonNode files = properties.get("files:files");
        assertLinks(files.get(0).get("file"), "Excel", FileRef.attachmentXpath(0), true);
        assertFalse("no application opens a text file", files.get(1).get("file").has("wopi"));
        assertLinks(files.get(2).get("file"), "PowerPoint", FileRef.attachmentXpath(2), true);
    }

    @Test
    public void aReaderGetsViewLinksOnly() throws IOException {
        JsonNode properties = render("reader", report, "reader.json").get("properties");
        assertLinks(properties.get("file:content"), "Word", FileRef.MAIN_BLOB, false);
        assertLinks(properties.get("files:files").get(0).get("file"), "Excel", FileRef.attachmentXpath(0), false);
    }

    @Test
    public void filesNoApplicationOpensGetNothing() throws IOException {
        DocumentModel notes = NuxeoDocs.file(session, "/", NuxeoDocs.blob("notes.txt", "notes"),
                NuxeoDocs.blob("photo.png", "png"));
        NuxeoDocs.grant(session, notes, "writer", "ReadWrite");
        transactions.nextTransaction();
        JsonNode properties = render("writer", notes, "no-app.json").get("properties");
        assertFalse(properties.get("file:content").has("wopi"));
        assertFalse(properties.get("files:files").get(0).get("file").has("wopi"));
    }

    @Test
    public void aDocumentLockedInNuxeoByAnotherUserOffersItsWritersTheViewerOnly() throws IOException {
        NuxeoDocs.user("holder");
        NuxeoDocs.grant(session, report, "holder", "ReadWrite");
        transactions.nextTransaction();
        NuxeoDocs.session(session.getRepositoryName(), "holder").setLock(report.getRef());
        transactions.nextTransaction();
        JsonNode properties = render("writer", report, "locked.json").get("properties");
        assertLinks(properties.get("file:content"), "Word", FileRef.MAIN_BLOB, false);
    }

    /**
     * A file open in Office says by whom and since when; its holder (not a reader) gets the release page,
     * which releases the lock (a reader's POST is refused).
     */
    @Test
    public void aWopiLockedFileSaysWhoEditsItAndItsHolderMayReleaseIt() throws IOException {
        String fileId = FileIdCodec.encode(new FileRef(report.getRepositoryName(), report.getId(), FileRef.MAIN_BLOB));
        assertEquals(200, HostPage.openForEdit(service, fileId, "writer").lock("stuck").statusCode());
        transactions.nextTransaction();
        JsonNode writers = render("writer", report, "wopi-locked-writer.json").get("properties").get("file:content")
                .get("wopi");
        assertEquals("writer", writers.get("lockedBy").asText());
        assertTrue(writers.get("lockedSince").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
        assertEquals(host.baseUrl() + "wopihost/release/" + fileId, writers.get("release").asText());
        JsonNode readers = render("reader", report, "wopi-locked-reader.json").get("properties").get("file:content")
                .get("wopi");
        assertEquals("writer", readers.get("lockedBy").asText());
        assertFalse("only the holder or a manager may release", readers.has("release"));

        assertEquals(403, HostPage.release(service, fileId, "reader"));
        assertTrue(service.platform().locks().get(new FileRef(report.getRepositoryName(), report.getId(),
                FileRef.MAIN_BLOB)).isPresent());
        assertEquals(302, HostPage.release(service, fileId, "writer"));
        assertFalse(service.platform().locks().get(new FileRef(report.getRepositoryName(), report.getId(),
                FileRef.MAIN_BLOB)).isPresent());
    }

    /**
     * The links and the host page take the same decision: for each blob and user, the edit page opens an
     * editor (edit, editnew, convert) exactly when the enricher offered an edit link, and a view link is
     * offered exactly when the view page opens something.
     */
    @Test
    public void theLinksAgreeWithWhatTheHostPageOpens() throws IOException {
        DocumentModel cases = NuxeoDocs.file(session, "/", NuxeoDocs.blob("Empty.docx", new byte[0]),
                NuxeoDocs.blob("Legacy.doc", "legacy"), NuxeoDocs.blob("Report.docx", "report"),
                NuxeoDocs.blob("notes.txt", "notes"));
        NuxeoDocs.grant(session, cases, "writer", "ReadWrite");
        NuxeoDocs.grant(session, cases, "reader", "Read");
        transactions.nextTransaction();
        for (String user : new String[] {"writer", "reader"}) {
            JsonNode properties = render(user, cases, "cases-" + user + ".json").get("properties");
            check(user, cases, FileRef.MAIN_BLOB, properties.get("file:content"));
            for (int i = 0; i < 3; i++) {
                check(user, cases, FileRef.attachmentXpath(i), properties.get("files:files").get(i).get("file"));
            }
        }
    }

    private void check(String user, DocumentModel doc, String xpath, JsonNode blob) {
        String fileId = FileIdCodec.encode(new FileRef(doc.getRepositoryName(), doc.getId(), xpath));
        JsonNode wopi = blob.get("wopi");
        String what = user + " on " + blob.get("name").asText();
        String editPage = HostPage.actionOf(service, "edit", fileId, user);
        boolean editor = editPage.contains("client/edit") || editPage.contains("client/convert");
        assertEquals(what + ": edit link iff the edit page opens an editor (" + editPage + ")", editor,
                wopi != null && wopi.has("edit"));
        assertEquals(what + ": view link iff the view page opens something", !HostPage.actionOf(service,
                "view", fileId, user).isEmpty(), wopi != null && wopi.has("view"));
    }

    /** The document as the REST API returns it to {@code user} with {@code enrichers.blob: wopi}; saved as {@code name}. */
    private JsonNode render(String user, DocumentModel doc, String name) throws IOException {
        CoreSession userSession = NuxeoDocs.session(session.getRepositoryName(), user);
        RenderingContext ctx = CtxBuilder.session(userSession).properties("*").enrich("blob", "wopi").get();
        String json = MarshallerHelper.objectToJson(userSession.getDocument(doc.getRef()), ctx);
        Path out = Path.of(System.getProperty("basedir", ""), "target", "enricher-json", name);
        Files.createDirectories(out.getParent());
        JsonNode tree = JSON.readTree(json);
        Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree), StandardCharsets.UTF_8);
        assertEquals(DocumentModelJsonWriter.ENTITY_TYPE, tree.get("entity-type").asText());
        return tree;
    }

    private void assertLinks(JsonNode blob, String app, String xpath, boolean edit) {
        JsonNode wopi = blob.get("wopi");
        assertTrue(blob + " has wopi links", wopi != null && wopi.isObject());
        String fileId = FileIdCodec.encode(new FileRef(report.getRepositoryName(), report.getId(), xpath));
        String pages = host.baseUrl() + "wopihost";
        Map<String, String> expected = edit
                ? Map.of("appName", app, "view", pages + "/view/" + fileId, "edit", pages + "/edit/" + fileId)
                : Map.of("appName", app, "view", pages + "/view/" + fileId);
        assertEquals(expected, JSON.convertValue(wopi, Map.class));
    }
}
