package org.wopihost.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Base64;
import java.util.List;

import javax.inject.Inject;
import javax.security.auth.login.LoginException;

import org.junit.Test;
import org.nuxeo.ecm.jwt.JWTClaims;
import org.nuxeo.ecm.jwt.JWTService;
import org.nuxeo.runtime.api.Framework;
import org.nuxeo.runtime.api.login.NuxeoLoginContext;
import org.wopihost.config.WopiSettings;
import org.wopihost.contract.AccessTokensContract;
import org.wopihost.contract.ContractCase;
import org.wopihost.nuxeo.NuxeoAccessTokens;
import org.wopihost.nuxeo.RuntimeNuxeoServices;
import org.wopihost.token.TokenClaims;

import com.auth0.jwt.algorithms.Algorithm;

/**
 * The AccessTokens contract (the same cases the standalone host's tokens keep) on the Nuxeo binding:
 * Nuxeo's JWTService signs and checks, each token verified as Nuxeo's JWT authentication has logged its
 * user in. A foreign token carries the same claims signed with a key other than {@code nuxeo.jwt.secret};
 * JWTService signs the incomplete ones.
 */
public class AccessTokensContractTest extends WopiOverHttpTestCase {

    @Inject
    protected JWTService jwt;

    private static final Algorithm ANOTHER_SECRET = Algorithm.HMAC512("not this server's secret ".repeat(3));

    @Test
    public void theNuxeoAccessTokensKeepTheContract() throws Exception {
        user("alice", null);
        user("bob", null);
        WopiSettings settings = service.config().settings();
        AccessTokensContract contract = new AccessTokensContract(
                clock -> new NuxeoAccessTokens(new RuntimeNuxeoServices(), settings.tokenTtl(), settings.wopiPath(),
                        clock),
                (tokens, token, user) -> {
                    try (NuxeoLoginContext login = Framework.loginUser(user)) {
                        return tokens.verify(token);
                    } catch (LoginException e) {
                        throw new IllegalStateException(e);
                    }
                },
                (user, fileId, permission) -> resigned(service.platform().tokens().issue(user, fileId, permission)
                        .token()),
                (user, fileId) -> incomplete(user, fileId, settings.wopiPath()), "alice", "bob");
        ContractCase.runAll(contract.cases());
    }

    /**
     * Tokens Nuxeo's JWTService signs for the user: a plain one (as for Nuxeo's other uses), and access
     * tokens each without the file id, the permission or the audience, or with a permission none has.
     */
    private List<String> incomplete(String user, String fileId, String wopiPath) {
        String audience = TokenClaims.audience(wopiPath, fileId);
        return List.of(
                jwt.newBuilder().withClaim(JWTClaims.CLAIM_SUBJECT, user).build(),
                jwt.newBuilder().withClaim(JWTClaims.CLAIM_SUBJECT, user).withClaim(JWTClaims.CLAIM_AUDIENCE, audience)
                        .withClaim(TokenClaims.PERMISSION, "edit").build(),
                jwt.newBuilder().withClaim(JWTClaims.CLAIM_SUBJECT, user).withClaim(JWTClaims.CLAIM_AUDIENCE, audience)
                        .withClaim(TokenClaims.FILE_ID, fileId).build(),
                jwt.newBuilder().withClaim(JWTClaims.CLAIM_SUBJECT, user).withClaim(TokenClaims.FILE_ID, fileId)
                        .withClaim(TokenClaims.PERMISSION, "edit").build(),
                jwt.newBuilder().withClaim(JWTClaims.CLAIM_SUBJECT, user).withClaim(JWTClaims.CLAIM_AUDIENCE, audience)
                        .withClaim(TokenClaims.FILE_ID, fileId).withClaim(TokenClaims.PERMISSION, "admin").build());
    }

    /** The token's header and claims, signed with another key. */
    private static String resigned(String token) {
        String[] parts = token.split("\\.");
        byte[] signature = ANOTHER_SECRET.sign(parts[0].getBytes(UTF_8), parts[1].getBytes(UTF_8));
        return parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }
}
