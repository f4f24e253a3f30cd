package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;

/** CheckFileInfo tells the truth about the file, the user and what the host supports. */
class CheckFileInfoTest {

    @RegisterExtension
    static final RunningHost HOST = new RunningHost();

    @Test
    void describesTheFileAndAnEditor() {
        JsonNode info = HOST.client("alice", "Quarterly Report", Permission.EDIT).fileInfo();
        long stored = HOST.documents().find("Quarterly Report").orElseThrow().files().get(0).size();
        assertThat(info.get("BaseFileName").asText()).isEqualTo("Quarterly Report.docx");
        assertThat(info.get("FileExtension").asText()).isEqualTo(".docx");
        assertThat(info.get("Size").asLong()).isEqualTo(stored).isPositive();
        assertThat(info.get("OwnerId").asText()).isEqualTo("alice");
        assertThat(info.get("UserId").asText()).isEqualTo("alice");
        assertThat(info.get("UserFriendlyName").asText()).isEqualTo("Alice Martin");
        assertThat(info.get("Version").asText()).isNotEmpty();
        assertThat(Instant.parse(info.get("LastModifiedTime").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(info.get("UserCanWrite").asBoolean()).isTrue();
        assertThat(info.get("ReadOnly").asBoolean()).isFalse();
        assertThat(info.get("IsAnonymousUser").asBoolean()).isFalse();
        for (String flag : new String[] {"SupportsLocks", "SupportsGetLock", "SupportsExtendedLockLength",
                "SupportsUpdate"}) {
            assertThat(info.get(flag).asBoolean()).as(flag).isTrue();
        }
        assertThat(info.get("BreadcrumbDocName").asText()).isEqualTo("Quarterly Report");
        // not configured here, so not sent
        assertThat(info.has("DownloadUrl")).isFalse();
        assertThat(info.has("FileSharingUrl")).isFalse();
        assertThat(info.has("BreadcrumbBrandName")).isFalse();
    }

    @Test
    void aReaderCannotWriteWhateverTheTokenClaims() {
        JsonNode viewer = HOST.client("bob", "Quarterly Report", Permission.VIEW).fileInfo();
        assertThat(viewer.get("UserId").asText()).isEqualTo("bob");
        assertThat(viewer.get("UserCanWrite").asBoolean()).isFalse();
        assertThat(viewer.get("ReadOnly").asBoolean()).isTrue();
        assertThat(viewer.get("UserCanNotWriteRelative").asBoolean()).isTrue();
        // An edit token for bob (his ACL says Read) still only reads: the ACL is asked on every request.
        JsonNode forged = HOST.client("bob", "Quarterly Report", Permission.EDIT).fileInfo();
        assertThat(forged.get("UserCanWrite").asBoolean()).isFalse();
    }

    @Test
    void aViewTokenOfAnEditorOnlyViews() {
        JsonNode info = HOST.client("alice", "Quarterly Report", Permission.VIEW).fileInfo();
        assertThat(info.get("UserCanWrite").asBoolean()).isFalse();
    }

    @Test
    void attachmentsAreFilesOfTheirOwn() {
        String attachment = HOST.fileId("Project Kickoff", FileRef.attachmentXpath(0));
        JsonNode info = HOST.clientFor("alice", attachment, Permission.EDIT).fileInfo();
        assertThat(info.get("BaseFileName").asText()).isEqualTo("Figures.xlsx");
        String second = HOST.fileId("Project Kickoff", FileRef.attachmentXpath(1));
        assertThat(HOST.clientFor("alice", second, Permission.EDIT).fileInfo().get("BaseFileName").asText())
                .isEqualTo("Kickoff.pptx");
    }

    @Test
    void emptyValuesAreLeftOutRatherThanSentEmpty() {
        JsonNode info = HOST.client("alice", "Quarterly Report", Permission.EDIT).fileInfo();
        info.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                assertThat(e.getValue().asText()).as(e.getKey()).isNotEmpty();
            }
        });
    }
}
