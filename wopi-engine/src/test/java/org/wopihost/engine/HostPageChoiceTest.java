package org.wopihost.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.wopihost.discovery.DiscoveryDocument;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.discovery.SampleDiscovery;

/** What a host page opens, on Microsoft's and Collabora's published discovery. */
class HostPageChoiceTest {

    private static final DiscoveryDocument MICROSOFT = parse(SampleDiscovery.MICROSOFT);
    private static final DiscoveryDocument COLLABORA = parse(SampleDiscovery.COLLABORA);

    private static DiscoveryDocument parse(String name) {
        try {
            return DiscoveryDocument.parse(SampleDiscovery.withTestKeys(name).getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<HostPageChoice> choose(DiscoveryDocument discovery, boolean edit, String fileName, long size,
            Permission allowed, boolean mayCreateSibling) {
        return HostPageChoice.choose(discovery, edit,
                new HostPageChoice.FileFacts(fileName, size, allowed, () -> mayCreateSibling));
    }

    private static String opened(Optional<HostPageChoice> choice) {
        return choice.map(c -> c.action().name() + "/" + c.permission()).orElse("nothing");
    }

    @Test
    void aWriterEditsAReaderViews() {
        assertThat(opened(choose(MICROSOFT, true, "a.docx", 10, Permission.EDIT, true))).isEqualTo("edit/EDIT");
        assertThat(opened(choose(MICROSOFT, true, "a.docx", 10, Permission.VIEW, true))).isEqualTo("view/VIEW");
        assertThat(opened(choose(MICROSOFT, false, "a.docx", 10, Permission.EDIT, true))).isEqualTo("view/VIEW");
    }

    @Test
    void anEmptyFileOpensInTheNewDocumentFlow() {
        assertThat(opened(choose(MICROSOFT, true, "a.docx", 0, Permission.EDIT, true))).isEqualTo("editnew/EDIT");
    }

    @Test
    void aLegacyFormatIsConvertedOnlyByWhoMayCreateTheCopy() {
        assertThat(opened(choose(MICROSOFT, true, "old.doc", 10, Permission.EDIT, true))).isEqualTo("convert/EDIT");
        assertThat(opened(choose(MICROSOFT, true, "old.doc", 10, Permission.EDIT, false))).isEqualTo("view/VIEW");
    }

    @Test
    void aClientWithoutAViewerOpensItsEditorReadOnly() {
        assertThat(COLLABORA.findForFile("view", "a.docx")).isEmpty();
        assertThat(opened(choose(COLLABORA, false, "a.docx", 10, Permission.VIEW, false))).isEqualTo("edit/VIEW");
        assertThat(opened(choose(COLLABORA, true, "a.docx", 10, Permission.EDIT, false))).isEqualTo("edit/EDIT");
    }

    @Test
    void nothingForAFormatNoApplicationOpens() {
        assertThat(opened(choose(MICROSOFT, true, "notes.exe", 10, Permission.EDIT, true))).isEqualTo("nothing");
    }
}
