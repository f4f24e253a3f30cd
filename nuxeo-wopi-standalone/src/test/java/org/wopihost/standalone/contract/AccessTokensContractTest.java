package org.wopihost.standalone.contract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wopihost.contract.AccessTokensContract;
import org.wopihost.spi.AccessTokens;
import org.wopihost.standalone.StandaloneHost;
import org.wopihost.standalone.token.JwtAccessTokens;
import org.wopihost.token.TokenClaims;

/**
 * The AccessTokens contract on the standalone host's tokens, signed with a secret as long as its data
 * folder's. They do not touch the database, so the host is not opened for them.
 */
class AccessTokensContractTest {

    private static final Duration TTL = Duration.ofHours(10);
    private static final String SECRET = "this host's secret ".repeat(4);

    @TestFactory
    Stream<DynamicTest> keepsTheAccessTokensContract() {
        AccessTokens foreign = new JwtAccessTokens("another host's secret ".repeat(4), TTL, Clock.systemUTC(),
                StandaloneHost.WOPI_PATH);
        AccessTokensContract contract = new AccessTokensContract(
                clock -> new JwtAccessTokens(SECRET, TTL, clock, StandaloneHost.WOPI_PATH),
                AccessTokensContract.DIRECTLY, (user, fileId, permission) -> foreign.issue(user, fileId, permission)
                        .token(),
                AccessTokensContractTest::incomplete, "alice", "bob");
        return OnBothDatabases.dynamicTests(contract.cases());
    }

    /** JWTs of this host's secret, each without one of an access token's claims, or with another issuer. */
    private static List<String> incomplete(String user, String fileId) {
        Algorithm key = Algorithm.HMAC512(SECRET);
        Date exp = Date.from(Instant.now().plus(TTL));
        String audience = TokenClaims.audience(StandaloneHost.WOPI_PATH, fileId);
        return List.of(
                claims(user, fileId, exp).withAudience(audience).withClaim(TokenClaims.FILE_ID, (String) null)
                        .sign(key),
                claims(user, fileId, exp).withAudience(audience).withClaim(TokenClaims.PERMISSION, (String) null)
                        .sign(key),
                claims(user, fileId, exp).withAudience(audience).withClaim(TokenClaims.PERMISSION, "admin").sign(key),
                claims(user, fileId, exp).sign(key),
                claims(user, fileId, null).withAudience(audience).sign(key),
                claims(null, fileId, exp).withAudience(audience).sign(key),
                claims(user, fileId, exp).withAudience(audience).withIssuer("someone else").sign(key));
    }

    /** An access token's claims but the audience: issuer, subject (unless null), expiry (unless null), file, permission. */
    private static JWTCreator.Builder claims(String user, String fileId, Date exp) {
        return JWT.create().withIssuer(TokenClaims.ISSUER).withSubject(user).withExpiresAt(exp)
                .withClaim(TokenClaims.FILE_ID, fileId).withClaim(TokenClaims.PERMISSION, "edit");
    }
}
