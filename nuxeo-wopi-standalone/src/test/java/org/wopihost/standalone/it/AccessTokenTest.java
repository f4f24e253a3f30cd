package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;
import org.wopihost.standalone.StandaloneHost;
import org.wopihost.standalone.store.Documents;
import org.wopihost.standalone.token.JwtAccessTokens;
import org.wopihost.testclient.WopiClient;

/** Every request's token is checked first, and a token opens only the file it was issued for. */
class AccessTokenTest {

    @RegisterExtension
    static final RunningHost HOST = new RunningHost();

    static final String REPORT = "Quarterly Report";

    @Test
    void aValidTokenOpensItsFile() {
        assertThat(HOST.client("alice", REPORT, Permission.EDIT).checkFileInfo().statusCode()).isEqualTo(200);
    }

    @Test
    void aMissingOrGarbageTokenIs401() {
        String wopiSrc = HOST.server().host().settings().wopiSrc(HOST.fileId(REPORT));
        HttpRequest noToken = HttpRequest.newBuilder(URI.create(wopiSrc)).GET().build();
        assertThat(WopiClient.send(noToken).statusCode()).isEqualTo(401);
        assertThat(new WopiClient(wopiSrc, "garbage").checkFileInfo().statusCode()).isEqualTo(401);
        assertThat(new WopiClient(wopiSrc, "").getFile().statusCode()).isEqualTo(401);
    }

    @Test
    void theBearerHeaderIsAcceptedToo() {
        WopiClient alice = HOST.client("alice", REPORT, Permission.VIEW);
        HttpRequest bearer = HttpRequest.newBuilder(URI.create(alice.wopiSrc()))
                .header("Authorization", "Bearer " + alice.token()).GET().build();
        assertThat(WopiClient.send(bearer).statusCode()).isEqualTo(200);
    }

    @Test
    void aPercentEncodedTokenIsDecodedFirst() {
        WopiClient alice = HOST.client("alice", REPORT, Permission.VIEW);
        // what a client that encodes every dot sends: the same token once decoded
        String encoded = alice.token().replace(".", "%2E");
        HttpRequest request = HttpRequest.newBuilder(URI.create(alice.wopiSrc() + "?access_token=" + encoded))
                .GET().build();
        assertThat(WopiClient.send(request).statusCode()).isEqualTo(200);
        HttpRequest mangled = HttpRequest.newBuilder(URI.create(alice.wopiSrc() + "?access_token="
                + alice.token().replace(".", "%2F"))).GET().build();
        assertThat(WopiClient.send(mangled).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenForOneFileNeverOpensAnother() {
        String report = HOST.fileId(REPORT);
        String budget = HOST.fileId("Budget 2027");
        String tokenForReport = HOST.token("alice", report, Permission.EDIT).token();
        WopiClient onBudget = new WopiClient(HOST.server().host().settings().wopiSrc(budget), tokenForReport);
        assertThat(onBudget.checkFileInfo().statusCode()).isEqualTo(401);
        assertThat(onBudget.getFile().statusCode()).isEqualTo(401);
        assertThat(onBudget.putFile("x".getBytes()).statusCode()).isEqualTo(401);
        assertThat(onBudget.lock("L").statusCode()).isEqualTo(401);
        // nor an attachment of the same document
        String attachmentId = HOST.fileId("Project Kickoff", FileRef.attachmentXpath(0));
        String tokenForMain = HOST.token("alice", HOST.fileId("Project Kickoff"), Permission.EDIT).token();
        WopiClient onAttachment = new WopiClient(HOST.server().host().settings().wopiSrc(attachmentId), tokenForMain);
        assertThat(onAttachment.checkFileInfo().statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenSignedWithAnotherSecretIs401() {
        String fileId = HOST.fileId(REPORT);
        JwtAccessTokens forger = new JwtAccessTokens("f".repeat(64), Duration.ofHours(1), Clock.systemUTC(),
                StandaloneHost.WOPI_PATH);
        WopiClient forged = new WopiClient(HOST.server().host().settings().wopiSrc(fileId),
                forger.issue("alice", fileId, Permission.EDIT).token());
        assertThat(forged.checkFileInfo().statusCode()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIs401() throws Exception {
        String fileId = HOST.fileId(REPORT);
        String secret = Files.readString(HOST.dataDir().resolve("jwt-secret")).trim();
        Clock yesterday = Clock.fixed(Instant.now().minus(Duration.ofHours(11)), ZoneOffset.UTC);
        JwtAccessTokens past = new JwtAccessTokens(secret, Duration.ofHours(10), yesterday, StandaloneHost.WOPI_PATH);
        WopiClient expired = new WopiClient(HOST.server().host().settings().wopiSrc(fileId),
                past.issue("alice", fileId, Permission.EDIT).token());
        assertThat(expired.checkFileInfo().statusCode()).isEqualTo(401);
        // same secret, still valid: only the expiry made the difference
        JwtAccessTokens now = new JwtAccessTokens(secret, Duration.ofHours(10), Clock.systemUTC(), StandaloneHost.WOPI_PATH);
        assertThat(expired.withToken(now.issue("alice", fileId, Permission.EDIT).token()).checkFileInfo().statusCode())
                .isEqualTo(200);
    }

    @Test
    void aTamperedTokenIs401() {
        WopiClient alice = HOST.client("alice", REPORT, Permission.VIEW);
        String[] parts = alice.token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"view\"", "\"edit\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(alice.withToken(tampered).checkFileInfo().statusCode()).isEqualTo(401);
        String unsigned = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        assertThat(alice.withToken(unsigned).checkFileInfo().statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenOfAnUnknownUserIs401() {
        assertThat(HOST.client("mallory", REPORT, Permission.EDIT).checkFileInfo().statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownFileIs404() {
        String missing = FileIdCodec.encode(new FileRef(Documents.REPOSITORY, "00000000-0000-0000-0000-000000000000",
                FileRef.MAIN_BLOB));
        assertThat(HOST.clientFor("alice", missing, Permission.EDIT).checkFileInfo().statusCode()).isEqualTo(404);
        String noSuchAttachment = HOST.fileId(REPORT, FileRef.attachmentXpath(7));
        assertThat(HOST.clientFor("alice", noSuchAttachment, Permission.EDIT).getFile().statusCode()).isEqualTo(404);
    }

    @Test
    void aMalformedFileIdIs404EvenWithATokenNamingIt() {
        for (String bad : new String[] {"not-base64!", "Zm9v", "ZGVmYXVsdApkb2MKZmlsZTpjb250ZW50Cg"}) {
            assertThat(HOST.clientFor("alice", bad, Permission.EDIT).checkFileInfo().statusCode()).as(bad)
                    .isEqualTo(404);
        }
    }

    @Test
    void aUserWithoutAccessSeesNoFile() throws Exception {
        String id = HOST.documents().createDocument("Private", "alice");
        HOST.documents().addFile(id, FileRef.MAIN_BLOB, "Private.docx", new java.io.ByteArrayInputStream(new byte[] {1}),
                "alice");
        String fileId = FileIdCodec.encode(new FileRef(Documents.REPOSITORY, id, FileRef.MAIN_BLOB));
        assertThat(HOST.clientFor("bob", fileId, Permission.VIEW).checkFileInfo().statusCode()).isEqualTo(404);
        assertThat(HOST.clientFor("bob", fileId, Permission.VIEW).getFile().statusCode()).isEqualTo(404);
    }

    @Test
    void otherPathsAreNotFoundAndOtherMethodsNotAllowed() {
        WopiClient alice = HOST.client("alice", REPORT, Permission.VIEW);
        String base = HOST.server().url() + "wopi/";
        assertThat(WopiClient.send(HttpRequest.newBuilder(URI.create(base + "files/")).GET().build()).statusCode())
                .isEqualTo(404);
        assertThat(WopiClient.send(HttpRequest.newBuilder(URI.create(alice.wopiSrc() + "?access_token=" + alice.token()))
                .DELETE().build()).statusCode()).isEqualTo(405);
    }
}
