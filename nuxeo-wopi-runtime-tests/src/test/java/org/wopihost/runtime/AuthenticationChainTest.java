package org.wopihost.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;

import javax.inject.Inject;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.junit.Before;
import org.junit.Test;
import org.nuxeo.ecm.core.api.DocumentModel;
import org.nuxeo.ecm.core.api.PathRef;
import org.nuxeo.ecm.jwt.JWTClaims;
import org.nuxeo.ecm.jwt.JWTService;
import org.nuxeo.runtime.test.runner.Features;
import org.nuxeo.runtime.test.runner.LogCaptureFeature;
import org.wopihost.testclient.WopiClient;

/**
 * Our authentication chain ({@code wopihost}: JWT_AUTH only on /wopihost/files/*) answers 401 itself to
 * a request it does not log in: it never hands one on to the WOPI servlet unauthenticated (Nuxeo's filter
 * does, with a WARN per request, unless the chain says {@code handlePrompt="false"}), and the engine
 * only ever acts as the user Nuxeo logged in.
 */
@Features(LogCaptureFeature.class)
@LogCaptureFeature.FilterWith(AuthenticationChainTest.Warnings.class)
public class AuthenticationChainTest extends WopiOverHttpTestCase {

    /** Warnings and errors of Nuxeo's authentication, its JWT service and the add-on. */
    public static class Warnings implements LogCaptureFeature.Filter {
        @Override
        public boolean accept(LogEvent event) {
            return event.getLevel().isMoreSpecificThan(Level.WARN)
                    && List.of("org.nuxeo.ecm.platform.ui.web.auth", "org.nuxeo.ecm.jwt", "org.wopihost").stream()
                            .anyMatch(event.getLoggerName()::startsWith);
        }
    }

    @Inject
    protected JWTService jwt;

    @Inject
    protected LogCaptureFeature.Result logs;

    private DocumentModel doc;

    @Before
    public void createUsersAndDocument() {
        user("alice", "ReadWrite");
        user("bob", "ReadWrite");
        doc = report();
    }

    private WopiClient alice() {
        return client(doc, MAIN, "alice");
    }

    /**
     * No lock, no document, and no warning: Nuxeo's filter warns "No auth plugin can be found to do the
     * Login Prompt" exactly when it hands a request on to the servlet without a login.
     */
    private void assertNothingHappened() {
        assertEquals("", WopiClient.header(alice().getLock(), "X-WOPI-Lock"));
        transactions.nextTransaction();
        assertFalse(session.getDocument(doc.getRef()).isLocked());
        assertEquals("nothing created", 1, session.getChildren(new PathRef("/wopi")).size());
        assertEquals(List.of(), logs.getCaughtEventMessages());
    }

    /** Lock with the client's token in the query and an Authorization header. */
    private static HttpResponse<byte[]> lockWith(WopiClient client, String authorization) {
        return client.request("POST", "", "LOCK", null, "X-WOPI-Lock", "lock", "Authorization", authorization);
    }

    @Test
    public void aRequestWithoutAValidTokenIsRefusedQuietly() {
        WopiClient alice = alice();
        for (int i = 0; i < 3; i++) {
            for (HttpResponse<byte[]> refused : List.of(alice.withToken("").checkFileInfo(),
                    alice.withToken("not.a.token").lock("lock"), alice.withToken("").getFile())) {
                assertEquals(401, refused.statusCode());
                assertFalse(new String(refused.body(), UTF_8).contains(new String(REPORT, UTF_8)));
            }
        }
        assertNothingHappened();
    }

    @Test
    public void aTokenTheChainDoesNotReadIsNotServedWithoutALogin() {
        WopiClient alice = alice();
        // JWT_AUTH reads the Authorization header before the access_token parameter: a Basic header hides
        // the (valid) token from the chain, not from the WOPI servlet.
        String basic = "Basic " + Base64.getEncoder().encodeToString("alice:alice".getBytes(UTF_8));
        assertEquals(401, lockWith(alice, basic).statusCode());
        HttpResponse<byte[]> relative = alice.request("POST", "", "PUT_RELATIVE", "copy".getBytes(UTF_8),
                "X-WOPI-SuggestedTarget", "Copy.docx", "Authorization", basic);
        assertEquals(401, relative.statusCode());
        assertNothingHappened();
    }

    @Test
    public void aTokenInABearerHeaderAloneIsServed() {
        WopiClient alice = alice();
        HttpResponse<byte[]> info = WopiClient.send(HttpRequest.newBuilder(URI.create(alice.wopiSrc()))
                .header("Authorization", "Bearer " + alice.token()).GET().build());
        assertEquals(200, info.statusCode());
        assertEquals("alice", WopiClient.json(info).get("UserId").asText());
        assertEquals(List.of(), logs.getCaughtEventMessages());
    }

    @Test
    public void theEngineActsOnlyAsTheUserNuxeoLoggedIn() {
        // Nuxeo logs bob in with a JWT of his own (no audience: valid on any path) from the Authorization
        // header, while the query names alice's token for the file.
        String bobs = jwt.newBuilder().withClaim(JWTClaims.CLAIM_SUBJECT, "bob").build();
        assertEquals(401, lockWith(alice(), "Bearer " + bobs).statusCode());
        assertNothingHappened();
    }
}
