package org.wopihost.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.nuxeo.ecm.core.api.Blob;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.jwt.JWTService;
import org.nuxeo.ecm.jwt.JWTService.JWTBuilder;
import org.wopihost.engine.FileIdCodec;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.WopiClient;
import org.wopihost.token.TokenClaims;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.Claim;

/**
 * Tokens that must not open a file: forged, expired, issued for another file, or held by a user the
 * document's ACL does not admit. Each is refused on every operation, reading and writing, with the
 * spec's status, before anything of the file is read: no byte of it in the answer, nothing changed.
 */
public class AccessTokensTest extends WopiOverHttpTestCase {

    @Inject
    protected JWTService jwt;

    private DocumentModel report;

    private DocumentModel other;

    @Before
    public void createUsersAndDocuments() {
        user("alice", "ReadWrite");
        user("bob", "Read");
        user("mallory", null);
        other = NuxeoDocs.file(session, "/wopi", NuxeoDocs.blob("Other.docx", "another file"));
        report = report();
    }

    /** Every operation on the file, each with what it would need to succeed with a good token. */
    private static List<HttpResponse<byte[]>> everyOperation(WopiClient client) {
        return List.of(client.checkFileInfo(), client.getFile(), client.lock("lock"), client.getLock(),
                client.refreshLock("lock"), client.putFile("overwritten".getBytes(UTF_8), "X-WOPI-Lock", "lock"),
                client.putRelative("copy".getBytes(UTF_8), "X-WOPI-SuggestedTarget", "Copy.docx"),
                client.rename("Renamed"), client.unlock("lock"), client.delete());
    }

    private void assertRefusedWith(int status, WopiClient client) throws IOException {
        for (HttpResponse<byte[]> response : everyOperation(client)) {
            String what = response.request().method() + " " + response.request().headers().map();
            assertEquals(what, status, response.statusCode());
            assertFalse(what + " leaks the file", new String(response.body(), UTF_8).contains(new String(REPORT, UTF_8)));
            assertEquals(what, null, WopiClient.header(response, "X-WOPI-ItemVersion"));
        }
        assertUntouched();
    }

    private void assertUntouched() throws IOException {
        transactions.nextTransaction();
        DocumentModel live = session.getDocument(report.getRef());
        Blob main = (Blob) live.getPropertyValue(MAIN);
        assertArrayEquals(REPORT, main.getByteArray());
        assertEquals("Report.docx", main.getFilename());
        assertEquals("nothing created", 2, session.getChildren(live.getParentRef()).size());
        assertFalse(live.isLocked());
        assertEquals(0, session.getVersions(report.getRef()).size());
    }

    /** A token of {@code original}'s claims, changed by {@code change}, signed by the platform's JWTService. */
    private String reissued(String original, Function<JWTBuilder, JWTBuilder> change) {
        JWTBuilder builder = jwt.newBuilder();
        for (Map.Entry<String, Claim> claim : JWT.decode(original).getClaims().entrySet()) {
            if (!claim.getKey().equals("exp") && !claim.getKey().equals("iss")) {
                builder.withClaim(claim.getKey(), claim.getValue().asString());
            }
        }
        return change.apply(builder).build();
    }

    @Test
    public void aForgedTokenIs401() throws IOException {
        WopiClient alice = client(report, MAIN, "alice");
        String[] parts = alice.token().split("\\.");
        // The same claims signed with another key, as someone who does not know nuxeo.jwt.secret would.
        byte[] signature = Algorithm.HMAC512("not the secret of this server, though long enough for HS512 keys")
                .sign(parts[0].getBytes(UTF_8), parts[1].getBytes(UTF_8));
        String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        assertRefusedWith(401, alice.withToken(forged));
    }

    @Test
    public void anExpiredTokenIs401() throws IOException {
        WopiClient alice = client(report, MAIN, "alice");
        String expired = reissued(alice.token(),
                b -> b.withClaim("exp", Date.from(Instant.now().minusSeconds(60))));
        assertRefusedWith(401, alice.withToken(expired));
    }

    @Test
    public void aTokenForAnotherFileIs401() throws IOException {
        WopiClient alice = client(report, MAIN, "alice");
        WopiClient otherFile = client(other, MAIN, "alice");
        WopiClient attachment = client(report, ATTACHMENT, "alice");
        assertRefusedWith(401, alice.withToken(otherFile.token()));
        assertRefusedWith(401, alice.withToken(attachment.token()));
        // Its audience alone would name this file: the file-id claim must agree as well.
        String mixed = reissued(otherFile.token(), b -> b.withClaim("aud",
                TokenClaims.audience(service.config().settings().wopiPath(), alice.fileId())));
        assertRefusedWith(401, alice.withToken(mixed));
    }

    @Test
    public void aTokenIsCheckedBeforeTheFileIsLookedFor() throws IOException {
        WopiClient alice = client(report, MAIN, "alice");
        String missing = FileIdCodec.encode(new FileRef(report.getRepositoryName(), "no-such-document", MAIN));
        WopiClient unknownFile = new WopiClient(service.config().settings().wopiSrc(missing), alice.token());
        assertRefusedWith(401, unknownFile);
        String ownToken = service.platform().tokens().issue("alice", missing, Permission.EDIT).token();
        assertEquals("with a token of its own, the unknown file is 404", 404,
                unknownFile.withToken(ownToken).checkFileInfo().statusCode());
    }

    @Test
    public void aUserTheAclDoesNotAdmitGets404() throws IOException {
        assertRefusedWith(404, client(report, MAIN, "mallory"));
    }

    @Test
    public void aReaderWithAnEditTokenMayOnlyRead() throws IOException {
        WopiClient bob = client(report, MAIN, "bob");
        assertFalse(bob.fileInfo().get("UserCanWrite").asBoolean());
        assertArrayEquals(REPORT, bob.getFile().body());
        for (HttpResponse<byte[]> write : List.of(bob.putFile("overwritten".getBytes(UTF_8)),
                bob.putRelative("copy".getBytes(UTF_8), "X-WOPI-SuggestedTarget", "Copy.docx"), bob.rename("Renamed"),
                bob.delete(), bob.lock("lock"))) {
            assertEquals(write.request().headers().map().toString(), 401, write.statusCode());
        }
        assertUntouched();
    }
}
