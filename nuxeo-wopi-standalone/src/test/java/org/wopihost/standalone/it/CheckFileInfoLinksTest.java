package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.spi.Permission;

/** Configured links and branding reach CheckFileInfo, with their placeholders filled and encoded. */
class CheckFileInfoLinksTest {

    @RegisterExtension
    static final RunningHost HOST = new RunningHost(Map.of(
            "nuxeo.wopi.downloadURL", "https://ecm.example.com/nxfile/{repository}/{docId}/{xpath}/{fileName}",
            "nuxeo.wopi.fileSharingURL", "https://ecm.example.com/ui/#!/doc/{docId}?file={fileId}",
            "nuxeo.wopi.fileVersionsURL", "https://ecm.example.com/ui/#!/doc/{docId}/versions",
            "nuxeo.wopi.closeURL", "https://ecm.example.com/ui/#!/doc/{docId}",
            "nuxeo.wopi.brand.name", "Example Corp",
            "nuxeo.wopi.brand.url", "https://www.example.com/"), Clock.systemUTC());

    @Test
    void linksAndBrandAreSent() {
        JsonNode info = HOST.client("alice", "Quarterly Report", Permission.EDIT).fileInfo();
        String docId = HOST.docId("Quarterly Report");
        assertThat(info.get("DownloadUrl").asText())
                .isEqualTo("https://ecm.example.com/nxfile/default/" + docId + "/file:content/Quarterly%20Report.docx");
        assertThat(info.get("FileSharingUrl").asText())
                .isEqualTo("https://ecm.example.com/ui/#!/doc/" + docId + "?file=" + HOST.fileId("Quarterly Report"));
        assertThat(info.get("BreadcrumbBrandName").asText()).isEqualTo("Example Corp");
        // Closing the editor (CloseUrl, and UI_Close on the host page) leads back to the document.
        assertThat(info.get("CloseUrl").asText()).isEqualTo("https://ecm.example.com/ui/#!/doc/" + docId);
        // The host page opens those pages when the editor asks (UI_Sharing, UI_FileVersions): it says so.
        assertThat(info.get("FileSharingPostMessage").asBoolean()).isTrue();
        assertThat(info.get("FileVersionPostMessage").asBoolean()).isTrue();
        assertThat(info.get("BreadcrumbBrandUrl").asText()).isEqualTo("https://www.example.com/");
    }
}
