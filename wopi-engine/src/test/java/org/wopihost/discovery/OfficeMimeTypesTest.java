package org.wopihost.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class OfficeMimeTypesTest {

    @Test
    void knowsTheOfficeFormatsWithOrWithoutDot() {
        assertThat(OfficeMimeTypes.of("docx")).contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(OfficeMimeTypes.of(".XLSX")).contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(OfficeMimeTypes.of("exe")).isEmpty();
        assertThat(OfficeMimeTypes.of(null)).isEmpty();
    }

    @Test
    void leadsToCollaborasActionsThatHaveOnlyAMimeType() throws Exception {
        DiscoveryDocument collabora = DiscoveryDocument.parse(DiscoveryFixtures.collabora().getBytes(StandardCharsets.UTF_8));
        assertThat(collabora.find("edit", "doc")).isEmpty();
        assertThat(collabora.find("edit", "doc", OfficeMimeTypes.of("doc").orElseThrow())).isPresent();
        assertThat(collabora.find("edit", "xls", OfficeMimeTypes.of("xls").orElseThrow())).isPresent();
    }
}
