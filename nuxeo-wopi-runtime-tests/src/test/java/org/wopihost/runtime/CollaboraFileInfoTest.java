package org.wopihost.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.security.SecurityConstants;
import org.nuxeo.runtime.test.runner.WithFrameworkProperty;
import org.wopihost.config.ConfigKeys;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * CheckFileInfo for Collabora Online inside Nuxeo: IsAdminUser from the Nuxeo principal, and the
 * nuxeo.conf policy and watermark applied per the user's rights on the document.
 */
@WithFrameworkProperty(name = ConfigKeys.VIEWER_RESTRICTIONS, value = "export")
@WithFrameworkProperty(name = ConfigKeys.WATERMARK, value = "{userId} {date}")
public class CollaboraFileInfoTest extends WopiOverHttpTestCase {

    @Test
    public void anAdministratorIsTheEditorsAdminUserAndAReaderMayNotExport() {
        user("alice", SecurityConstants.READ_WRITE);
        user("carol", SecurityConstants.READ);
        DocumentModel doc = report();

        JsonNode admin = client(doc, MAIN, "Administrator").fileInfo();
        assertTrue(admin.get("IsAdminUser").asBoolean());
        JsonNode alice = client(doc, MAIN, "alice").fileInfo();
        assertFalse(alice.get("IsAdminUser").asBoolean());
        assertTrue(alice.get("EnableOwnerTermination").asBoolean());
        assertTrue(alice.get("WatermarkText").asText(), alice.get("WatermarkText").asText().matches("alice \\d{4}-\\d\\d-\\d\\d"));
        assertFalse(alice.has("DisableExport"));

        JsonNode carol = client(doc, MAIN, "carol").fileInfo();
        assertFalse(carol.get("UserCanWrite").asBoolean());
        assertTrue(carol.get("DisableExport").asBoolean());
        assertTrue(carol.get("HideExportOption").asBoolean());
        assertEquals(true, carol.get("UserCanNotWriteRelative").asBoolean());
    }
}
