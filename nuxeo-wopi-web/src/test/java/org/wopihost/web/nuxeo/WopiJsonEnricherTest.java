package org.wopihost.web.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.nuxeo.ecm.core.api.Blob;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.model.impl.primitives.BlobProperty;
import org.nuxeo.ecm.core.io.marshallers.json.AbstractJsonWriter;
import org.nuxeo.ecm.core.io.registry.context.RenderingContext;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.nuxeo.NuxeoWopiConfig;
import org.wopihost.nuxeo.WopiApps;
import org.wopihost.nuxeo.WopiHostService;
import org.wopihost.spi.FileRef;

import com.fasterxml.jackson.core.JsonGenerator;

class WopiJsonEnricherTest {

    private final DocumentModel doc = mock(DocumentModel.class);
    private final Blob blob = mock(Blob.class, withSettings().extraInterfaces(Serializable.class));
    private final WopiHostService service = mock(WopiHostService.class);
    private final NuxeoWopiConfig config = NuxeoWopiConfig.read(Map.of("nuxeo.url", "https://ecm.example.com/nuxeo")::get);

    @BeforeEach
    void setUp() {
        when(doc.getId()).thenReturn("doc-1");
        when(doc.getRepositoryName()).thenReturn("default");
        when(service.apps()).thenReturn(WopiApps.byExtension(Set.of()));
        when(service.config()).thenReturn(config);
    }

    @Test
    void linksNameTheAppAndOurHostPages() {
        when(blob.getFilename()).thenReturn("Plan.xlsx");
        String id = FileIdCodec.encode(new FileRef("default", "doc-1", "files:files/0/file"));
        assertThat(WopiBlobLinks.of(doc, "files:files/0/file", blob, service.apps(), config.settings()))
                .contains(Map.of("appName", "Excel",
                        "view", "https://ecm.example.com/nuxeo/wopihost/view/" + id,
                        "edit", "https://ecm.example.com/nuxeo/wopihost/edit/" + id));
    }

    @Test
    void viewOnlyFormatsGetNoEditLink() {
        when(blob.getFilename()).thenReturn("old.doc");
        assertThat(WopiBlobLinks.of(doc, "file:content", blob, service.apps(), config.settings()).orElseThrow())
                .containsOnlyKeys("appName", "view");
    }

    @Test
    void unknownFormatsOrXpathsGetNothing() {
        when(blob.getFilename()).thenReturn("notes.txt");
        assertThat(WopiBlobLinks.of(doc, "file:content", blob, service.apps(), config.settings())).isEmpty();
        when(blob.getFilename()).thenReturn("a.docx");
        assertThat(WopiBlobLinks.of(doc, "content", blob, service.apps(), config.settings())).isEmpty();
    }

    @Test
    void enricherWritesTheWopiObject() throws Exception {
        when(blob.getFilename()).thenReturn("a.docx");
        BlobProperty property = mock(BlobProperty.class);
        when(property.getValue()).thenReturn((Serializable) blob);
        when(property.getXPath()).thenReturn("file:content");
        RenderingContext ctx = mock(RenderingContext.class);
        when(ctx.<DocumentModel> getParameter("document")).thenReturn(doc);
        WopiJsonEnricher enricher = new WopiJsonEnricher(() -> service);
        var field = AbstractJsonWriter.class.getDeclaredField("ctx"); // where Nuxeo declares it
        field.setAccessible(true);
        field.set(enricher, ctx);
        JsonGenerator jg = mock(JsonGenerator.class);
        enricher.write(jg, property);
        InOrder order = inOrder(jg);
        order.verify(jg).writeObjectFieldStart("wopi");
        order.verify(jg).writeStringField("appName", "Word");
        order.verify(jg).writeStringField(org.mockito.ArgumentMatchers.eq("view"), anyString());
        order.verify(jg).writeStringField(org.mockito.ArgumentMatchers.eq("edit"), anyString());
        order.verify(jg).writeEndObject();

        when(blob.getFilename()).thenReturn("notes.txt");
        JsonGenerator quiet = mock(JsonGenerator.class);
        enricher.write(quiet, property);
        verify(quiet, never()).writeObjectFieldStart(anyString());
    }

    @Test
    void eachLinkOnlyWhenDiscoveryHasThatAction() {
        WopiApps editOnlyDocx = new WopiApps() {
            @Override
            public java.util.Optional<String> appFor(String fileName) {
                return java.util.Optional.of("Word");
            }

            @Override
            public boolean canView(String fileName) {
                return fileName.endsWith(".dotx");
            }

            @Override
            public boolean canEdit(String fileName) {
                return fileName.endsWith(".docx");
            }
        };
        when(blob.getFilename()).thenReturn("a.docx");
        assertThat(WopiBlobLinks.of(doc, "file:content", blob, editOnlyDocx, config.settings()).orElseThrow())
                .containsOnlyKeys("appName", "edit");
        when(blob.getFilename()).thenReturn("a.dotx");
        assertThat(WopiBlobLinks.of(doc, "file:content", blob, editOnlyDocx, config.settings()).orElseThrow())
                .containsOnlyKeys("appName", "view");
        when(blob.getFilename()).thenReturn("a.docx");
        assertThat(WopiBlobLinks.of(doc, "file:content", blob, WopiApps.NONE, config.settings()))
                .as("no WOPI client configured").isEmpty();
    }
}
