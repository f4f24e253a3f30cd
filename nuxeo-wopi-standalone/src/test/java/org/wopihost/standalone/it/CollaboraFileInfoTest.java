package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.spi.Permission;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * CheckFileInfo for Collabora Online: owner termination, admin flag, the user's extra info, the
 * watermark from its template, the print/export/copy policy per right, and the template an empty
 * file is filled from.
 */
class CollaboraFileInfoTest {

    @RegisterExtension
    static final RunningHost HOST = new RunningHost(Map.of(
            "nuxeo.wopi.watermark", "Confidential - {userDisplayName} <{email}> ({userId}) {date}",
            "nuxeo.wopi.restrictions.view", "export, print",
            "nuxeo.wopi.restrictions.edit", "copy",
            "nuxeo.wopi.avatarURL", "https://people.example.com/{userId}/avatar.png",
            "nuxeo.wopi.templateURL", "https://templates.example.com/blank.{extension}"),
            Clock.fixed(Instant.parse("2026-11-30T10:15:00Z"), ZoneOffset.UTC));

    @Test
    void anEditorSeesTheWatermarkAndTheEditorsPolicy() {
        JsonNode info = HOST.client("alice", "Quarterly Report", Permission.EDIT).fileInfo();
        assertThat(info.get("EnableOwnerTermination").asBoolean()).isTrue();
        assertThat(info.get("IsAdminUser").asBoolean()).isFalse();
        assertThat(info.get("UserCanNotWriteRelative").asBoolean()).isFalse();
        String email = info.get("UserPrincipalName").asText();
        assertThat(info.get("UserExtraInfo").get("mail").asText()).isEqualTo(email);
        assertThat(info.get("UserExtraInfo").get("avatar").asText())
                .isEqualTo("https://people.example.com/alice/avatar.png");
        assertThat(info.get("WatermarkText").asText())
                .isEqualTo("Confidential - Alice Martin <" + email + "> (alice) 2026-11-30");
        assertThat(info.get("DisableCopy").asBoolean()).isTrue();
        assertThat(info.has("DisableExport")).isFalse();
        assertThat(info.has("DisablePrint")).isFalse();
        assertThat(info.has("TemplateSource")).as("the file is not empty").isFalse();
    }

    @Test
    void aReaderMayNotExportOrPrint() {
        JsonNode info = HOST.client("bob", "Quarterly Report", Permission.VIEW).fileInfo();
        assertThat(info.get("UserCanNotWriteRelative").asBoolean()).isTrue();
        for (String flag : new String[] {"DisableExport", "HideExportOption", "HideSaveOption", "DisablePrint",
                "HidePrintOption"}) {
            assertThat(info.get(flag).asBoolean()).as(flag).isTrue();
        }
        assertThat(info.has("DisableCopy")).isFalse();
    }

    @Test
    void anEmptyFileIsFilledFromTheTemplateOfItsExtension() throws Exception {
        String empty = HOST.newDocument("new-" + System.nanoTime() + ".xlsx", new byte[0]);
        JsonNode info = HOST.clientFor("alice", empty, Permission.EDIT).fileInfo();
        assertThat(info.get("TemplateSource").asText()).isEqualTo("https://templates.example.com/blank.xlsx");
        JsonNode reader = HOST.clientFor("bob", empty, Permission.VIEW).fileInfo();
        assertThat(reader.has("TemplateSource")).as("only an editor fills it").isFalse();
    }
}
