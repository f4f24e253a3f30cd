package org.wopihost.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.wopihost.discovery.DiscoveryDocument;
import org.wopihost.testclient.discovery.SampleDiscovery;

/** Legacy formats that Office only edits after converting them still get an edit link. */
class WopiAppsConvertTest {

    static DiscoveryDocument microsoft() throws Exception {
        String xml = SampleDiscovery.asStored(SampleDiscovery.MICROSOFT).replaceAll("(?s)<proof-key[^>]*/>", "");
        return DiscoveryDocument.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void convertCountsAsEditing() throws Exception {
        DiscoveryDocument doc = microsoft();
        WopiApps apps = WopiApps.fromDiscovery(() -> Optional.of(doc), Set.of());
        assertThat(doc.find("edit", "doc")).isEmpty();
        assertThat(doc.find("convert", "doc")).isPresent();
        assertThat(apps.canView("Old.doc")).isTrue();
        assertThat(apps.canEdit("Old.doc")).isTrue();
        assertThat(apps.canEdit("Report.docx")).isTrue();
        assertThat(apps.canEdit("notes.exe")).isFalse();
    }
}
