package org.wopihost.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Base64;

import javax.security.auth.login.LoginException;

import org.junit.Test;
import org.nuxeo.runtime.api.Framework;
import org.nuxeo.runtime.api.login.NuxeoLoginContext;
import org.wopihost.config.WopiSettings;
import org.wopihost.contract.AccessTokensContract;
import org.wopihost.contract.ContractCase;
import org.wopihost.nuxeo.NuxeoAccessTokens;
import org.wopihost.nuxeo.RuntimeNuxeoServices;

import com.auth0.jwt.algorithms.Algorithm;

/**
 * The AccessTokens contract (the same cases the standalone host's tokens keep) on the Nuxeo binding:
 * Nuxeo's JWTService signs and checks, each token verified as Nuxeo's JWT authentication has logged its
 * user in. A foreign token carries the same claims signed with a key other than {@code nuxeo.jwt.secret}.
 */
public class AccessTokensContractTest extends WopiOverHttpTestCase {

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
                "alice", "bob");
        ContractCase.runAll(contract.cases());
    }

    /** The token's header and claims, signed with another key. */
    private static String resigned(String token) {
        String[] parts = token.split("\\.");
        byte[] signature = ANOTHER_SECRET.sign(parts[0].getBytes(UTF_8), parts[1].getBytes(UTF_8));
        return parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }
}
