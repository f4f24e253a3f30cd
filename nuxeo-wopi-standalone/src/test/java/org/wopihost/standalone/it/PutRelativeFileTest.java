package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wopihost.testclient.WopiClient.header;
import static org.wopihost.testclient.WopiClient.json;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.beetstra.jutf7.CharsetProvider;
import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;
import org.wopihost.standalone.store.Documents;
import org.wopihost.testclient.WopiClient;

/**
 * PutRelativeFile over HTTP: suggested and specific (relative) modes, UTF-7 names, conflicts,
 * overwrites, the size limit, and the new file's URL and token.
 */
class PutRelativeFileTest {

    static final int MAX_FILE_SIZE = 64 * 1024;
    static final Charset UTF7 = new CharsetProvider().charsetForName("UTF-7");

    @RegisterExtension
    static final RunningHost HOST = new RunningHost(Map.of("nuxeo.wopi.maxFileSize", String.valueOf(MAX_FILE_SIZE)),
            Clock.systemUTC());

    static final byte[] ORIGINAL = "the source file".getBytes(StandardCharsets.UTF_8);

    String unique;
    String sourceName;
    String sourceId;
    WopiClient alice;

    @BeforeEach
    void freshSource() throws Exception {
        unique = String.valueOf(System.nanoTime());
        sourceName = "source-" + unique + ".docx";
        sourceId = HOST.newDocument(sourceName, ORIGINAL);
        alice = HOST.clientFor("alice", sourceId, Permission.EDIT);
    }

    // --- suggested mode ---

    @Test
    void suggestedFullNameCreatesThatFileWithTheBody() {
        byte[] body = "saved as a copy".getBytes(StandardCharsets.UTF_8);
        String name = "copy-" + unique + ".docx";
        HttpResponse<byte[]> r = alice.putRelative(body, "X-WOPI-SuggestedTarget", name);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode result = json(r);
        assertThat(result.get("Name").asText()).isEqualTo(name);

        WopiClient created = WopiClient.fromUrl(result.get("Url").asText());
        assertThat(created.wopiSrc()).isEqualTo(HOST.server().host().settings().wopiSrc(created.fileId()));
        assertThat(created.fileId()).isNotEqualTo(sourceId);
        JsonNode info = created.fileInfo();
        assertThat(info.get("BaseFileName").asText()).isEqualTo(name);
        assertThat(info.get("Size").asLong()).isEqualTo(body.length);
        assertThat(info.get("UserCanWrite").asBoolean()).isTrue();
        assertThat(created.getFile().body()).isEqualTo(body);
        // The source is untouched.
        assertThat(alice.getFile().body()).isEqualTo(ORIGINAL);
        assertThat(alice.fileInfo().get("BaseFileName").asText()).isEqualTo(sourceName);
    }

    @Test
    void suggestedExtensionOnlyKeepsTheSourceBaseName() {
        HttpResponse<byte[]> r = alice.putRelative("pdf bytes".getBytes(), "X-WOPI-SuggestedTarget", ".pdf");
        assertThat(r.statusCode()).isEqualTo(200);
        String expected = "source-" + unique + ".pdf";
        assertThat(json(r).get("Name").asText()).isEqualTo(expected);
        WopiClient created = WopiClient.fromUrl(json(r).get("Url").asText());
        assertThat(created.fileInfo().get("BaseFileName").asText()).isEqualTo(expected);
        assertThat(created.fileInfo().get("FileExtension").asText()).isEqualTo(".pdf");
        assertThat(created.getFile().body()).isEqualTo("pdf bytes".getBytes());
    }

    @Test
    void aTakenSuggestedNameGetsAUniqueVariantWithTheSameExtension() {
        String name = "taken-" + unique + ".docx";
        HttpResponse<byte[]> first = alice.putRelative("first".getBytes(), "X-WOPI-SuggestedTarget", name);
        HttpResponse<byte[]> second = alice.putRelative("second".getBytes(), "X-WOPI-SuggestedTarget", name);
        HttpResponse<byte[]> third = alice.putRelative("third".getBytes(), "X-WOPI-SuggestedTarget", name);
        assertThat(List.of(first.statusCode(), second.statusCode(), third.statusCode())).containsOnly(200);
        assertThat(json(first).get("Name").asText()).isEqualTo(name);
        assertThat(json(second).get("Name").asText()).isEqualTo("taken-" + unique + " (1).docx");
        assertThat(json(third).get("Name").asText()).isEqualTo("taken-" + unique + " (2).docx");
        assertThat(WopiClient.fromUrl(json(first).get("Url").asText()).getFile().body()).isEqualTo("first".getBytes());
        assertThat(WopiClient.fromUrl(json(second).get("Url").asText()).getFile().body()).isEqualTo("second".getBytes());
        // Names that differ only in case are taken too (Windows and Office ignore case).
        HttpResponse<byte[]> upper = alice.putRelative("upper".getBytes(), "X-WOPI-SuggestedTarget",
                "TAKEN-" + unique + ".docx");
        assertThat(json(upper).get("Name").asText()).isEqualTo("TAKEN-" + unique + " (3).docx");
    }

    @Test
    void suggestedExtensionOnlyWhenTheSourceNameIsTaken() {
        // The source itself has the name ".docx" alone would give.
        HttpResponse<byte[]> r = alice.putRelative("again".getBytes(), "X-WOPI-SuggestedTarget", ".docx");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("Name").asText()).isEqualTo("source-" + unique + " (1).docx");
        assertThat(alice.getFile().body()).isEqualTo(ORIGINAL);
    }

    @Test
    void suggestedNamesAreUtf7Decoded() {
        HttpResponse<byte[]> underscore = alice.putRelative("u".getBytes(), "X-WOPI-SuggestedTarget",
                "madeup+AF8-name-" + unique + ".docx");
        assertThat(underscore.statusCode()).isEqualTo(200);
        assertThat(json(underscore).get("Name").asText()).isEqualTo("madeup_name-" + unique + ".docx");

        HttpResponse<byte[]> accents = alice.putRelative("r".getBytes(), "X-WOPI-SuggestedTarget",
                "r+AOk-sum+AOk-.docx");
        assertThat(accents.statusCode()).isEqualTo(200);
        assertThat(json(accents).get("Name").asText()).isEqualTo("résumé.docx");
        WopiClient created = WopiClient.fromUrl(json(accents).get("Url").asText());
        assertThat(created.fileInfo().get("BaseFileName").asText()).isEqualTo("résumé.docx");
    }

    @Test
    void anIllegalSuggestedNameIsMadeLegalNeverRefused() {
        HttpResponse<byte[]> r = alice.putRelative("x".getBytes(), "X-WOPI-SuggestedTarget",
                "a/b:c?" + unique + ".docx");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("Name").asText()).isEqualTo("a_b_c_" + unique + ".docx");

        HttpResponse<byte[]> device = alice.putRelative("x".getBytes(), "X-WOPI-SuggestedTarget", "CON.docx");
        assertThat(device.statusCode()).isEqualTo(200);
        assertThat(json(device).get("Name").asText()).isEqualTo("CON_.docx");

        HttpResponse<byte[]> tooLong = alice.putRelative("x".getBytes(), "X-WOPI-SuggestedTarget",
                "long".repeat(100) + ".docx");
        assertThat(tooLong.statusCode()).isEqualTo(200);
        String name = json(tooLong).get("Name").asText();
        assertThat(name).endsWith(".docx").startsWith("longlong").hasSizeLessThanOrEqualTo(250);
        assertThat(WopiClient.fromUrl(json(tooLong).get("Url").asText()).fileInfo().get("BaseFileName").asText())
                .isEqualTo(name);
    }

    // --- specific (relative) mode ---

    @Test
    void relativeModeCreatesTheExactName() {
        String name = "exact_" + unique + ".wopitestx";
        HttpResponse<byte[]> r = alice.putRelative("exact".getBytes(), "X-WOPI-RelativeTarget",
                "exact+AF8-" + unique + ".wopitestx");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("Name").asText()).isEqualTo(name);
        WopiClient created = WopiClient.fromUrl(json(r).get("Url").asText());
        assertThat(created.fileInfo().get("BaseFileName").asText()).isEqualTo(name);
        assertThat(created.getFile().body()).isEqualTo("exact".getBytes());
    }

    @Test
    void relativeModeOnAnExistingNameIsAConflictNamingAFreeName() {
        String name = "exists-" + unique + ".docx";
        WopiClient existing = created(alice.putRelative("existing".getBytes(), "X-WOPI-RelativeTarget", name));
        for (String[] overwrite : List.of(new String[0], new String[] {"X-WOPI-OverwriteRelativeTarget", "false"})) {
            String[] headers = concat(new String[] {"X-WOPI-RelativeTarget", name}, overwrite);
            HttpResponse<byte[]> r = alice.putRelative("intruder".getBytes(), headers);
            assertThat(r.statusCode()).isEqualTo(409);
            String valid = decodeUtf7(header(r, "X-WOPI-ValidRelativeTarget"));
            assertThat(valid).isEqualTo("exists-" + unique + " (1).docx");
            assertThat(HOST.documents().find(valid)).isEmpty();
        }
        assertThat(existing.getFile().body()).isEqualTo("existing".getBytes());
        assertThat(HOST.documents().find("exists-" + unique + " (1).docx")).isEmpty();
    }

    @Test
    void theValidRelativeTargetIsUtf7Encoded() {
        String name = "déjà-" + unique + ".docx";
        created(alice.putRelative("x".getBytes(), "X-WOPI-RelativeTarget", encodeUtf7(name)));
        HttpResponse<byte[]> r = alice.putRelative("y".getBytes(), "X-WOPI-RelativeTarget", encodeUtf7(name));
        assertThat(r.statusCode()).isEqualTo(409);
        String raw = header(r, "X-WOPI-ValidRelativeTarget");
        assertThat(raw).matches("[\\x20-\\x7e]+");
        assertThat(decodeUtf7(raw)).isEqualTo("déjà-" + unique + " (1).docx");
    }

    @Test
    void overwriteTrueWritesANewVersionOfTheExistingFile() {
        String name = "overwrite-" + unique + ".docx";
        WopiClient existing = created(alice.putRelative("version one".getBytes(), "X-WOPI-RelativeTarget", name));
        String before = existing.fileInfo().get("Version").asText();

        HttpResponse<byte[]> r = alice.putRelative("version two".getBytes(), "X-WOPI-RelativeTarget", name,
                "X-WOPI-OverwriteRelativeTarget", "true");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("Name").asText()).isEqualTo(name);
        WopiClient reopened = WopiClient.fromUrl(json(r).get("Url").asText());
        assertThat(reopened.fileId()).isEqualTo(existing.fileId());
        assertThat(reopened.getFile().body()).isEqualTo("version two".getBytes());
        assertThat(existing.fileInfo().get("Version").asText()).isNotEqualTo(before);
        Documents.Document doc = HOST.documents().find(name).orElseThrow();
        assertThat(doc.files()).singleElement().satisfies(f -> assertThat(f.version()).isEqualTo(2));
        assertThat(HOST.documents().list().stream().filter(d -> d.title().equals(name))).hasSize(1);
    }

    @Test
    void overwriteTrueOnALockedTargetIsAConflictNamingItsLock() {
        String name = "locked-" + unique + ".docx";
        WopiClient existing = created(alice.putRelative("kept".getBytes(), "X-WOPI-RelativeTarget", name));
        assertThat(existing.lock("their-lock").statusCode()).isEqualTo(200);

        HttpResponse<byte[]> r = alice.putRelative("lost".getBytes(), "X-WOPI-RelativeTarget", name,
                "X-WOPI-OverwriteRelativeTarget", "true");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(header(r, "X-WOPI-Lock")).isEqualTo("their-lock");
        assertThat(existing.getFile().body()).isEqualTo("kept".getBytes());
        assertThat(header(existing.getLock(), "X-WOPI-Lock")).isEqualTo("their-lock");
    }

    @Test
    void overwritingAFileTheUserMayNotEditIsNotImplemented() throws Exception {
        String name = "bobs-" + unique + ".docx";
        String docId = HOST.documents().createDocument(name, "bob");
        HOST.documents().grant(docId, "alice", Permission.VIEW);
        HOST.documents().addFile(docId, FileRef.MAIN_BLOB, name, new java.io.ByteArrayInputStream("bob's".getBytes()),
                "bob");
        HttpResponse<byte[]> r = alice.putRelative("alice's".getBytes(), "X-WOPI-RelativeTarget", name,
                "X-WOPI-OverwriteRelativeTarget", "true");
        assertThat(r.statusCode()).isEqualTo(501);
        assertThat(HOST.clientFor("bob", HOST.fileId(name), Permission.EDIT).getFile().body())
                .isEqualTo("bob's".getBytes());
    }

    @Test
    void illegalRelativeNamesAreBadRequestsAndCreateNothing() {
        int before = HOST.documents().list().size();
        for (String name : List.of("a/b.docx", "a\\b.docx", "what?.docx", "a:b.docx", "a*b.docx", "a<b>.docx",
                "a|b.docx", "a\"b.docx", "CON.docx", "lpt1.txt", "trailing.", "",
                "x".repeat(300) + ".docx")) {
            HttpResponse<byte[]> r = alice.putRelative("x".getBytes(), "X-WOPI-RelativeTarget", name);
            assertThat(r.statusCode()).as(name).isEqualTo(400);
        }
        assertThat(HOST.documents().list()).hasSize(before);
    }

    @Test
    void aBadRequestForIllegalCharactersSuggestsALegalName() {
        HttpResponse<byte[]> r = alice.putRelative("x".getBytes(), "X-WOPI-RelativeTarget",
                "what?" + unique + ".docx");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(decodeUtf7(header(r, "X-WOPI-ValidRelativeTarget"))).isEqualTo("what_" + unique + ".docx");
    }

    @Test
    void bothOrNeitherTargetHeadersAreNotImplemented() {
        int before = HOST.documents().list().size();
        HttpResponse<byte[]> both = alice.putRelative("x".getBytes(), "X-WOPI-SuggestedTarget", "both-" + unique
                + ".docx", "X-WOPI-RelativeTarget", "both-" + unique + ".docx");
        assertThat(both.statusCode()).isEqualTo(501);
        assertThat(alice.putRelative("x".getBytes()).statusCode()).isEqualTo(501);
        assertThat(HOST.documents().list()).hasSize(before);
    }

    @Test
    void aFileOverTheLimitIs413AndCreatesNothing() {
        int before = HOST.documents().list().size();
        HttpResponse<byte[]> declared = alice.putRelative("small".getBytes(), "X-WOPI-SuggestedTarget",
                "big-" + unique + ".docx", "X-WOPI-Size", String.valueOf(MAX_FILE_SIZE + 1));
        assertThat(declared.statusCode()).isEqualTo(413);
        HttpResponse<byte[]> actual = alice.putRelative(new byte[MAX_FILE_SIZE + 1], "X-WOPI-RelativeTarget",
                "big-" + unique + ".docx");
        assertThat(actual.statusCode()).isEqualTo(413);
        assertThat(HOST.documents().list()).hasSize(before);
        HttpResponse<byte[]> atLimit = alice.putRelative(new byte[MAX_FILE_SIZE], "X-WOPI-RelativeTarget",
                "big-" + unique + ".docx", "X-WOPI-Size", String.valueOf(MAX_FILE_SIZE));
        assertThat(atLimit.statusCode()).isEqualTo(200);
        assertThat(created(atLimit).fileInfo().get("Size").asLong()).isEqualTo(MAX_FILE_SIZE);
    }

    @Test
    void theNewUrlsTokenOpensTheNewFileAndOnlyIt() {
        HttpResponse<byte[]> r = alice.putRelative("new".getBytes(), "X-WOPI-SuggestedTarget", "scoped-" + unique
                + ".docx");
        WopiClient created = created(r);
        assertThat(created.token()).isNotEqualTo(alice.token());
        // The new token on the source file, and the source token on the new file: refused.
        assertThat(alice.withToken(created.token()).checkFileInfo().statusCode()).isEqualTo(401);
        assertThat(alice.withToken(created.token()).getFile().statusCode()).isEqualTo(401);
        assertThat(created.withToken(alice.token()).checkFileInfo().statusCode()).isEqualTo(401);
        assertThat(created.withToken(alice.token()).getFile().statusCode()).isEqualTo(401);
        // The new token is alice's, with her rights on the new file.
        JsonNode info = created.fileInfo();
        assertThat(info.get("UserId").asText()).isEqualTo("alice");
        assertThat(info.get("OwnerId").asText()).isEqualTo("alice");
        assertThat(created.lock("L").statusCode()).isEqualTo(200);
        assertThat(created.putFile("edited".getBytes(), "X-WOPI-Lock", "L").statusCode()).isEqualTo(200);
        assertThat(created.getFile().body()).isEqualTo("edited".getBytes());
        assertThat(alice.getFile().body()).isEqualTo(ORIGINAL);
    }

    @Test
    void theNewFileIsSharedLikeTheSource() {
        WopiClient created = created(alice.putRelative("shared".getBytes(), "X-WOPI-SuggestedTarget", "shared-"
                + unique + ".docx"));
        WopiClient bob = HOST.clientFor("bob", created.fileId(), Permission.VIEW);
        assertThat(bob.getFile().body()).isEqualTo("shared".getBytes());
        assertThat(bob.fileInfo().get("UserCanWrite").asBoolean()).isFalse();
    }

    @Test
    void readersAndViewTokensAreRefusedAndNothingIsCreated() {
        int before = HOST.documents().list().size();
        List<WopiClient> refused = List.of(HOST.clientFor("bob", sourceId, Permission.VIEW),
                HOST.clientFor("bob", sourceId, Permission.EDIT), HOST.clientFor("alice", sourceId, Permission.VIEW));
        for (WopiClient c : refused) {
            assertThat(c.putRelative("x".getBytes(), "X-WOPI-SuggestedTarget", "refused-" + unique + ".docx")
                    .statusCode()).isEqualTo(401);
            assertThat(c.putRelative("x".getBytes(), "X-WOPI-RelativeTarget", "refused-" + unique + ".docx")
                    .statusCode()).isEqualTo(401);
        }
        assertThat(HOST.documents().list()).hasSize(before);
        assertThat(HOST.clientFor("bob", sourceId, Permission.VIEW).fileInfo().get("UserCanNotWriteRelative")
                .asBoolean()).isTrue();
        assertThat(alice.fileInfo().get("UserCanNotWriteRelative").asBoolean()).isFalse();
    }

    @Test
    void aBadTokenIsRefusedBeforeAnythingElse() {
        assertThat(alice.withToken("not-a-token").putRelative("x".getBytes(), "X-WOPI-SuggestedTarget", "bad-"
                + unique + ".docx").statusCode()).isEqualTo(401);
        assertThat(HOST.documents().find("bad-" + unique + ".docx")).isEmpty();
    }

    static WopiClient created(HttpResponse<byte[]> r) {
        assertThat(r.statusCode()).isEqualTo(200);
        return WopiClient.fromUrl(json(r).get("Url").asText());
    }

    static String encodeUtf7(String s) {
        return new String(s.getBytes(UTF7), StandardCharsets.US_ASCII);
    }

    static String decodeUtf7(String s) {
        assertThat(s).isNotNull();
        return UTF7.decode(ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII))).toString();
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
