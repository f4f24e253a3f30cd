package org.wopihost.web.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nuxeo.ecm.core.api.model.Property;
import org.nuxeo.ecm.core.schema.types.Schema;
import org.wopihost.config.WopiSettings;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.nuxeo.NuxeoWopiConfig;
import org.wopihost.nuxeo.WopiApps;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;

/**
 * The enricher's logic; EnricherTest in nuxeo-wopi-runtime-tests proves it on real documents rendered by
 * Nuxeo's JSON marshalling.
 */
class WopiJsonEnricherTest {

    private static final FileRef ATTACHMENT = new FileRef("default", "doc-1", "files:files/0/file");

    private final WopiApps office = WopiApps.byExtension(Set.of());
    private final WopiSettings settings = NuxeoWopiConfig
            .read(Map.of("nuxeo.url", "https://ecm.example.com/nuxeo")::get).settings();

    @Test
    void aWriterGetsTheAppAndBothHostPages() {
        String id = FileIdCodec.encode(ATTACHMENT);
        assertThat(WopiBlobLinks.of(ATTACHMENT, "Plan.xlsx", Permission.EDIT, office, settings))
                .contains(Map.of("appName", "Excel",
                        "view", "https://ecm.example.com/nuxeo/wopihost/view/" + id,
                        "edit", "https://ecm.example.com/nuxeo/wopihost/edit/" + id));
    }

    @Test
    void aReaderGetsTheViewPageOnly() {
        assertThat(WopiBlobLinks.of(ATTACHMENT, "Plan.xlsx", Permission.VIEW, office, settings).orElseThrow())
                .containsOnlyKeys("appName", "view");
    }

    @Test
    void viewOnlyFormatsGetNoEditLink() {
        assertThat(WopiBlobLinks.of(ATTACHMENT, "old.doc", Permission.EDIT, office, settings).orElseThrow())
                .containsOnlyKeys("appName", "view");
    }

    @Test
    void unknownFormatsGetNothing() {
        assertThat(WopiBlobLinks.of(ATTACHMENT, "notes.txt", Permission.EDIT, office, settings)).isEmpty();
        assertThat(WopiBlobLinks.of(ATTACHMENT, "a.docx", Permission.EDIT, WopiApps.NONE, settings))
                .as("no WOPI client configured").isEmpty();
    }

    @Test
    void eachLinkOnlyWhenDiscoveryHasThatAction() {
        WopiApps editOnlyDocx = new WopiApps() {
            @Override
            public Optional<String> appFor(String fileName) {
                return Optional.of("Word");
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
        assertThat(WopiBlobLinks.of(ATTACHMENT, "a.docx", Permission.EDIT, editOnlyDocx, settings).orElseThrow())
                .containsOnlyKeys("appName", "edit");
        assertThat(WopiBlobLinks.of(ATTACHMENT, "a.docx", Permission.VIEW, editOnlyDocx, settings))
                .as("a reader may take no action the client offers").isEmpty();
        assertThat(WopiBlobLinks.of(ATTACHMENT, "a.dotx", Permission.EDIT, editOnlyDocx, settings).orElseThrow())
                .containsOnlyKeys("appName", "view");
    }

    @Test
    void xpathsOfSchemasWithoutPrefixTakeTheSchemaName() {
        assertThat(WopiJsonEnricher.xpath(property("file", "content"))).isEqualTo("file:content");
        assertThat(WopiJsonEnricher.xpath(property("files", "files/0/file"))).isEqualTo("files:files/0/file");
        assertThat(WopiJsonEnricher.xpath(property("myschema", "my:blob"))).isEqualTo("my:blob");
    }

    private static Property property(String schemaName, String xpath) {
        Schema schema = mock(Schema.class);
        when(schema.getName()).thenReturn(schemaName);
        Property property = mock(Property.class);
        when(property.getSchema()).thenReturn(schema);
        when(property.getXPath()).thenReturn(xpath);
        return property;
    }
}
