package org.wopihost.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wopihost.discovery.DiscoveryFixtures.bytes;
import static org.wopihost.discovery.DiscoveryFixtures.parse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wopihost.proof.ProofKey;
import org.wopihost.proof.ProofKeys;
import org.wopihost.testclient.proof.TestKeys;

class DiscoveryDocumentTest {

    private static final String WORDPROCESSING = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // ---- Microsoft-shaped discovery

    @Test
    void microsoftPrefersExternalHttps() throws Exception {
        DiscoveryDocument discovery = parse(DiscoveryFixtures.microsoft());

        assertThat(discovery.netZone()).isEqualTo("external-https");
        assertThat(discovery.apps()).extracting(WopiApp::name)
                .containsExactly("Word", "Excel", "PowerPoint", "WordPdf", "OneNote", "WopiTest");
        assertThat(discovery.apps().get(1).favIconUrl()).endsWith("/FavIcon_Excel.ico");
        assertThat(discovery.apps().get(1).checkLicense()).isTrue();
        assertThat(discovery.apps().get(5).checkLicense()).isFalse();
    }

    @Test
    void configuredNetZoneWins() throws Exception {
        DiscoveryDocument discovery = DiscoveryDocument.parse(bytes(DiscoveryFixtures.microsoft()), "INTERNAL-http");

        assertThat(discovery.netZone()).isEqualTo("internal-http");
        assertThat(discovery.find("view", "docx")).get().extracting(WopiAction::urlSrc).asString()
                .startsWith("http://oos.corp.example/wv/wordviewerframe.aspx?");
        assertThat(discovery.find("view", "xlsx")).isEmpty();
    }

    @Test
    void missingConfiguredNetZoneIsAnError() {
        assertThatThrownBy(() -> DiscoveryDocument.parse(bytes(DiscoveryFixtures.microsoft()), "internal-https"))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("internal-https").hasMessageContaining("internal-http, external-https");
    }

    @Test
    void netZonePreferenceOrder() throws Exception {
        String zones = "<wopi-discovery>"
                + "<net-zone name='internal-http'><app name='A'><action name='view' ext='a' urlsrc='http://internal-http/?'/></app></net-zone>"
                + "<net-zone name='external-http'><app name='A'><action name='view' ext='a' urlsrc='http://external-http/?'/></app></net-zone>"
                + "<net-zone name='internal-https'><app name='A'><action name='view' ext='a' urlsrc='https://internal-https/?'/></app></net-zone>"
                + "</wopi-discovery>";

        assertThat(parse(zones).netZone()).isEqualTo("internal-https");
        assertThat(parse(zones.replace("<net-zone name='internal-https'>", "<net-zone name='x'>")).netZone())
                .isEqualTo("external-http");
        assertThat(parse("<wopi-discovery><net-zone name='custom'/></wopi-discovery>").netZone()).isEqualTo("custom");
    }

    @Test
    void findsActionsByExtensionCaseInsensitively() throws Exception {
        DiscoveryDocument discovery = parse(DiscoveryFixtures.microsoft());

        WopiAction view = discovery.find("view", "docx").orElseThrow();
        assertThat(view.app()).isEqualTo("Word");
        assertThat(view.isDefault()).isTrue();
        assertThat(view.urlSrc()).startsWith("https://word-view.officeapps.live.com/wv/wordviewerframe.aspx?<ui=UI_LLCC&><rs=DC_LLCC&>");
        assertThat(view.favIconUrl()).endsWith("FavIcon_Word.ico");
        assertThat(view.mimeType()).isEmpty();

        WopiAction edit = discovery.find("edit", ".DOCX").orElseThrow();
        assertThat(edit.requires()).containsExactlyInAnyOrder("locks", "cobalt", "update");
        assertThat(edit.requires("UPDATE")).isTrue();
        assertThat(edit.isDefault()).isFalse();

        assertThat(discovery.find("view", "pdf")).get().extracting(WopiAction::app).isEqualTo("WordPdf");
        assertThat(discovery.find("MOBILEVIEW", "docx")).get().extracting(WopiAction::name).isEqualTo("mobileView");
        assertThat(discovery.find("embedview", "pptx")).get().extracting(WopiAction::app).isEqualTo("PowerPoint");
        assertThat(discovery.find("editnew", "xlsx")).get().extracting(WopiAction::urlSrc).asString().contains("xlcreatenew");
        assertThat(discovery.find("getinfo", "wopitest")).get().extracting(WopiAction::app).isEqualTo("WopiTest");
    }

    @Test
    void convertActionsCarryTheirTarget() throws Exception {
        DiscoveryDocument discovery = parse(DiscoveryFixtures.microsoft());

        assertThat(discovery.find("convert", "doc")).get().extracting(WopiAction::targetExt).isEqualTo("docx");
        assertThat(discovery.find("convert", "ppt")).get().extracting(WopiAction::targetExt).isEqualTo("pptx");
        assertThat(discovery.extensions("convert")).containsExactly("doc", "ppt", "xls");
    }

    @Test
    void unknownLookupsAreEmpty() throws Exception {
        DiscoveryDocument discovery = parse(DiscoveryFixtures.microsoft());

        assertThat(discovery.find("edit", "pdf")).isEmpty();
        assertThat(discovery.find("edit", "exe")).isEmpty();
        assertThat(discovery.find("fly", "docx")).isEmpty();
        assertThat(discovery.find("view", null)).isEmpty();
        assertThat(discovery.find(null, "docx")).isEmpty();
        assertThat(discovery.find("view", "")).isEmpty();
        assertThat(discovery.find("view", null, null)).isEmpty();
        assertThat(discovery.extensions("fly")).isEmpty();
        assertThat(discovery.extensions(null)).isEmpty();
        assertThat(discovery.capabilitiesUrl()).isEmpty();
    }

    @Test
    void extensionsPerAction() throws Exception {
        DiscoveryDocument discovery = parse(DiscoveryFixtures.microsoft());

        assertThat(discovery.extensions("edit")).containsExactly("docm", "docx", "odt", "pptx", "wopitestx", "xlsx");
        assertThat(discovery.extensions("view"))
                .containsExactly("csv", "doc", "docm", "docx", "odt", "pdf", "pptx", "rtf", "wopitest", "xls", "xlsx");
        assertThatThrownBy(() -> discovery.extensions("edit").add("exe")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void actionsKeyedByProgIdAreKeptButHaveNoExtension() throws Exception {
        DiscoveryDocument discovery = parse(DiscoveryFixtures.microsoft());

        WopiApp oneNote = discovery.apps().get(4);
        assertThat(oneNote.actions()).extracting(WopiAction::progId).containsOnly("OneNote.Notebook");
        assertThat(oneNote.actions()).extracting(WopiAction::ext).containsOnly("");
        assertThat(discovery.extensions("edit")).doesNotContain("");
    }

    @Test
    void microsoftProofKeysCurrentAndOld() throws Exception {
        ProofKeys keys = parse(DiscoveryFixtures.microsoft()).proofKeys();

        assertThat(keys.current()).isEqualTo(ProofKey.of(TestKeys.rsa(TestKeys.CURRENT)));
        assertThat(keys.old()).isEqualTo(ProofKey.of(TestKeys.rsa(TestKeys.OLD)));
    }

    @Test
    void proofKeysFromCspBlobOnly() throws Exception {
        String blobsOnly = DiscoveryFixtures.microsoft()
                .replaceAll(" (old)?(modulus|exponent)=\"[^\"]*\"", "");
        assertThat(blobsOnly).doesNotContain("modulus=").contains("oldvalue=");

        ProofKeys keys = parse(blobsOnly).proofKeys();

        assertThat(keys.current()).isEqualTo(ProofKey.of(TestKeys.rsa(TestKeys.CURRENT)));
        assertThat(keys.old()).isEqualTo(ProofKey.of(TestKeys.rsa(TestKeys.OLD)));
    }

    @Test
    void emptyOldKeyAttributesMeanNoOldKey() throws Exception {
        String noOld = DiscoveryFixtures.microsoft().replaceAll(" old(value|modulus|exponent)=\"[^\"]*\"", " old$1=\"\"");

        ProofKeys keys = parse(noOld).proofKeys();

        assertThat(keys.current()).isNotNull();
        assertThat(keys.oldKey()).isEmpty();
    }

    @Test
    void unusableProofKeyFailsTheDocument() {
        String badCurrent = DiscoveryFixtures.microsoft().replaceFirst(" modulus=\"[^\"]*\"", " modulus=\"AAAA\"");
        String badOld = DiscoveryFixtures.microsoft().replaceFirst(" oldvalue=\"[^\"]*\"", " oldvalue=\"bm9wZQ==\"")
                .replaceAll(" old(modulus|exponent)=\"[^\"]*\"", "");

        assertThatThrownBy(() -> parse(badCurrent)).isInstanceOf(DiscoveryException.class).hasMessageContaining("current proof key");
        assertThatThrownBy(() -> parse(badOld)).isInstanceOf(DiscoveryException.class).hasMessageContaining("old proof key");
    }

    @Test
    void discoveryWithoutProofKeyHasNone() throws Exception {
        String noKeys = DiscoveryFixtures.collabora().replaceAll("<proof-key[^>]*/>", "");

        assertThat(parse(noKeys).proofKeys().isEmpty()).isTrue();
    }

    // ---- Collabora-shaped discovery

    @Test
    void collaboraUsesExternalHttp() throws Exception {
        DiscoveryDocument discovery = parse(DiscoveryFixtures.collabora());

        assertThat(discovery.netZone()).isEqualTo("external-http");
        assertThat(discovery.apps()).hasSize(12);
        assertThat(discovery.proofKeys().current()).isEqualTo(ProofKey.of(TestKeys.rsa(TestKeys.CURRENT)));
        assertThat(discovery.proofKeys().oldKey()).isEmpty();
    }

    @Test
    void collaboraActionsByExtensionUnderMimeNamedApps() throws Exception {
        DiscoveryDocument discovery = parse(DiscoveryFixtures.collabora());

        WopiAction docx = discovery.find("edit", "docx").orElseThrow();
        assertThat(docx.app()).isEqualTo(WORDPROCESSING);
        assertThat(docx.mimeType()).contains(WORDPROCESSING);
        assertThat(docx.urlSrc()).isEqualTo("https://collabora.example.com/browser/8d5e3a1/cool.html?");
        assertThat(docx.favIconUrl()).endsWith("/x-office-document.svg");
        assertThat(discovery.find("view", "pdf")).isPresent();
        assertThat(discovery.find("edit", "pdf")).isEmpty();
        assertThat(discovery.extensions("edit")).containsExactly("docx", "odp", "ods", "odt", "pptx", "txt", "xlsx");
        assertThat(discovery.extensions("view")).containsExactly("dotx", "pdf");
    }

    @Test
    void collaboraFallsBackToTheMimeType() throws Exception {
        DiscoveryDocument discovery = parse(DiscoveryFixtures.collabora());

        assertThat(discovery.find("edit", "doc")).isEmpty(); // application/msword has ext=""
        assertThat(discovery.find("edit", "doc", "application/msword")).get()
                .extracting(WopiAction::app).isEqualTo("application/msword");
        assertThat(discovery.find("edit", null, "Application/VND.ms-excel; charset=binary")).isPresent();
        assertThat(discovery.find("edit", "bin", WORDPROCESSING)).get().extracting(WopiAction::ext).isEqualTo("docx");
        assertThat(discovery.find("view", "doc", "application/msword")).isEmpty();
        // the extension wins over the MIME type when both match
        assertThat(discovery.find("edit", "odt", "application/msword")).get()
                .extracting(WopiAction::app).isEqualTo("application/vnd.oasis.opendocument.text");
    }

    @Test
    void collaboraCapabilities() throws Exception {
        DiscoveryDocument discovery = parse(DiscoveryFixtures.collabora());

        assertThat(discovery.capabilitiesUrl()).contains("https://collabora.example.com/hosting/capabilities");
        assertThat(discovery.extensions("getinfo")).isEmpty();
    }

    @Test
    void onlyofficeInWopiModeOffersEditNewAndConvertUnderOfficeNamedApps() throws Exception {
        DiscoveryDocument discovery = parse(DiscoveryFixtures.onlyoffice());

        assertThat(discovery.netZone()).isEqualTo("external-https");
        assertThat(discovery.proofKeys().current()).isEqualTo(ProofKey.of(TestKeys.rsa(TestKeys.CURRENT)));
        assertThat(discovery.proofKeys().oldKey()).contains(ProofKey.of(TestKeys.rsa(TestKeys.OLD)));
        WopiAction edit = discovery.find("edit", "docx").orElseThrow();
        assertThat(edit.app()).isEqualTo("Word");
        assertThat(edit.requires("locks")).isTrue();
        assertThat(discovery.find("editnew", "xlsx")).isPresent();
        assertThat(discovery.find("convert", "doc")).get().extracting(WopiAction::app).isEqualTo("Word");
        assertThat(discovery.find("view", "pdf")).isPresent();
        assertThat(discovery.find("edit", "pdf")).isEmpty();
        String url = ActionUrlBuilder.forAction(edit).wopiSrc("https://ecm.example.com/wopi/files/ID").language("fr-FR")
                .build();
        assertThat(url).startsWith("https://office.example.com/hosting/wopi/word/edit?")
                .contains("wopisrc=https%3A%2F%2Fecm.example.com%2Fwopi%2Ffiles%2FID").contains("ui=fr-FR")
                .doesNotContain("<").doesNotContain("DC_LLCC");
    }

    // ---- what is not discovery

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not xml at all",
            "<html><body>502 Bad Gateway</body></html>",
            "<wopi-discovery><net-zone name='external-https'>",
            "<wopi-discovery/>",
            "<wopi-discovery><proof-key/></wopi-discovery>",
            "{\"wopi-discovery\": {}}"})
    void garbageIsRefused(String garbage) {
        assertThatThrownBy(() -> parse(garbage)).isInstanceOf(DiscoveryException.class);
    }

    @Test
    void externalEntitiesAreRefused(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cr3t");
        String xxe = "<?xml version='1.0'?>"
                + "<!DOCTYPE wopi-discovery [<!ENTITY xxe SYSTEM '" + secret.toUri() + "'>]>"
                + "<wopi-discovery><net-zone name='external-https'>"
                + "<app name='&xxe;'><action name='view' ext='docx' urlsrc='https://x/?'/></app>"
                + "</net-zone></wopi-discovery>";

        assertThatThrownBy(() -> parse(xxe)).isInstanceOf(DiscoveryException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void entityExpansionIsRefused() {
        String laughs = "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>"
                + "<!ENTITY lol2 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>]>"
                + "<wopi-discovery>&lol2;</wopi-discovery>";

        assertThatThrownBy(() -> parse(laughs)).isInstanceOf(DiscoveryException.class);
    }

    @Test
    void byteOrderMarkAndOtherEncodingsAreFine() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] xml = bytes(DiscoveryFixtures.collabora());
        byte[] withBom = new byte[bom.length + xml.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(xml, 0, withBom, bom.length, xml.length);

        assertThat(DiscoveryDocument.parse(withBom).find("edit", "docx")).isPresent();

        String utf16 = DiscoveryFixtures.collabora().replace("encoding=\"utf-8\"", "encoding=\"UTF-16\"");
        assertThat(DiscoveryDocument.parse(utf16.getBytes(StandardCharsets.UTF_16)).find("edit", "docx")).isPresent();
    }

    @Test
    void actionsWithoutUrlAreSkipped() throws Exception {
        DiscoveryDocument discovery = parse("<wopi-discovery><net-zone name='external-http'><app name='text/plain'>"
                + "<action name='edit' ext='txt'/><action name='view' ext='txt' urlsrc='https://c/cool.html?'/>"
                + "</app></net-zone></wopi-discovery>");

        assertThat(discovery.find("edit", "txt")).isEmpty();
        assertThat(discovery.find("view", "txt")).isPresent();
    }

    @Test
    void namespacedDiscoveryIsRead() throws Exception {
        DiscoveryDocument discovery = parse("<wopi-discovery xmlns='urn:example'><net-zone name='external-https'>"
                + "<app name='Word'><action name='view' ext='docx' urlsrc='https://w/?'/></app></net-zone></wopi-discovery>");

        assertThat(discovery.find("view", "docx")).isPresent();
    }

    @Test
    void defaultActionWinsOverAnEarlierOne() throws Exception {
        DiscoveryDocument discovery = parse("<wopi-discovery><net-zone name='external-https'>"
                + "<app name='First'><action name='view' ext='x' urlsrc='https://first/?'/></app>"
                + "<app name='Second'><action name='view' ext='x' default='true' urlsrc='https://second/?'/></app>"
                + "<app name='Third'><action name='view' ext='x' default='true' urlsrc='https://third/?'/></app>"
                + "</net-zone></wopi-discovery>");

        assertThat(discovery.find("view", "x")).get().extracting(WopiAction::app).isEqualTo("Second");
    }
}
