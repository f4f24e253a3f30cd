package org.wopihost.web.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nuxeo.ecm.core.api.model.Property;
import org.nuxeo.ecm.core.schema.types.Schema;
import org.wopihost.config.WopiSettings;
import org.wopihost.discovery.DiscoveryDocument;
import org.wopihost.discovery.DiscoveryException;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.engine.HostPageChoice;
import org.wopihost.nuxeo.NuxeoWopiConfig;
import org.wopihost.nuxeo.WopiApps;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.discovery.SampleDiscovery;

/**
 * The enricher's logic; EnricherTest in nuxeo-wopi-runtime-tests proves it on real documents rendered by
 * Nuxeo's JSON marshalling.
 */
class WopiJsonEnricherTest {

    private static final FileRef ATTACHMENT = new FileRef("default", "doc-1", "files:files/0/file");

    private final WopiApps office = WopiApps.fromDiscovery(() -> Optional.of(microsoft()), Set.of());
    private final WopiSettings settings = NuxeoWopiConfig
            .read(Map.of("nuxeo.url", "https://ecm.example.com/nuxeo")::get).settings();

    private static DiscoveryDocument microsoft() {
        try {
            return DiscoveryDocument.parse(SampleDiscovery.withTestKeys(SampleDiscovery.MICROSOFT)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (DiscoveryException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Map<String, String>> links(String fileName, long size, Permission allowed, boolean mayCreate) {
        return WopiBlobLinks.of(ATTACHMENT, new HostPageChoice.FileFacts(fileName, size, allowed, () -> mayCreate),
                office, settings);
    }

    @Test
    void aWriterGetsTheAppAndBothHostPages() {
        String id = FileIdCodec.encode(ATTACHMENT);
        assertThat(links("Plan.xlsx", 10, Permission.EDIT, true))
                .contains(Map.of("appName", "Excel",
                        "view", "https://ecm.example.com/nuxeo/wopihost/view/" + id,
                        "edit", "https://ecm.example.com/nuxeo/wopihost/edit/" + id));
    }

    @Test
    void aReaderGetsTheViewPageOnly() {
        assertThat(links("Plan.xlsx", 10, Permission.VIEW, false).orElseThrow()).containsOnlyKeys("appName", "view");
    }

    @Test
    void aLegacyFormatIsEditedByConversionOnlyByWhoMayCreateTheConvertedCopy() {
        assertThat(links("old.doc", 10, Permission.EDIT, true).orElseThrow()).containsOnlyKeys("appName", "view", "edit");
        assertThat(links("old.doc", 10, Permission.EDIT, false).orElseThrow()).containsOnlyKeys("appName", "view");
    }

    @Test
    void unknownFormatsGetNothing() {
        assertThat(links("notes.txt", 10, Permission.EDIT, true)).isEmpty();
        assertThat(WopiBlobLinks.of(ATTACHMENT, new HostPageChoice.FileFacts("a.docx", 10, Permission.EDIT, () -> true),
                WopiApps.NONE, settings)).as("no WOPI client configured").isEmpty();
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
