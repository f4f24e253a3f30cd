package org.wopihost.standalone.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;

import org.junit.jupiter.api.Test;
import org.wopihost.spi.AccessToken;
import org.wopihost.spi.InvalidTokenException;
import org.wopihost.spi.IssuedToken;
import org.wopihost.spi.Permission;
import org.wopihost.testclient.MutableClock;
import org.wopihost.token.TokenClaims;

class JwtAccessTokensTest {

    static final String SECRET = "s".repeat(64);
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    final JwtAccessTokens tokens = new JwtAccessTokens(SECRET, Duration.ofHours(10), CLOCK, "wopi");

    @Test
    void issuesAndVerifiesAToken() throws Exception {
        IssuedToken issued = tokens.issue("alice", "FILE1", Permission.EDIT);
        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(10)));
        AccessToken token = tokens.verify(issued.token());
        assertThat(token).isEqualTo(new AccessToken("alice", "FILE1", Permission.EDIT, issued.expiresAt()));
        var jwt = JWT.decode(issued.token());
        assertThat(jwt.getAlgorithm()).isEqualTo("HS512");
        assertThat(jwt.getIssuer()).isEqualTo("nuxeo");
        assertThat(jwt.getAudience()).containsExactly("/wopi/files/FILE1");
        // the audience names the file; the token does not repeat it (it travels in every request's URL)
        assertThat(jwt.getClaim(TokenClaims.FILE_ID).isMissing()).isTrue();
    }

    @Test
    void tokensThatAlsoNameTheirFileInAClaimStillOpenIt() throws Exception {
        // as issued before the audience alone named the file: open sessions survive an upgrade
        Date exp = Date.from(NOW.plusSeconds(60));
        String earlier = JWT.create().withIssuer("nuxeo").withSubject("alice").withExpiresAt(exp)
                .withAudience("/wopi/files/FILE1").withClaim(TokenClaims.FILE_ID, "FILE1")
                .withClaim(TokenClaims.PERMISSION, "view").sign(Algorithm.HMAC512(SECRET));
        assertThat(tokens.verify(earlier)).isEqualTo(new AccessToken("alice", "FILE1", Permission.VIEW,
                exp.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    }

    @Test
    void refusesAnAudienceThatIsNotExactlyOneFile() {
        Algorithm hs512 = Algorithm.HMAC512(SECRET);
        Date exp = Date.from(NOW.plusSeconds(60));
        for (String[] audience : new String[][] {{"/wopi/files/"}, {"/wopi/files/FILE1/contents"}, {"/wopi/FILE1"},
                {"/other/files/FILE1"}, {"/wopi/files/FILE1", "/wopi/files/FILE2"}}) {
            String token = JWT.create().withIssuer("nuxeo").withSubject("alice").withExpiresAt(exp)
                    .withAudience(audience).withClaim(TokenClaims.PERMISSION, "edit").sign(hs512);
            assertThatThrownBy(() -> tokens.verify(token)).as(String.join(",", audience))
                    .isInstanceOf(InvalidTokenException.class);
        }
        String nullFile = JWT.create().withIssuer("nuxeo").withSubject("alice").withExpiresAt(exp)
                .withAudience("/wopi/files/FILE1").withClaim(TokenClaims.FILE_ID, (String) null)
                .withClaim(TokenClaims.PERMISSION, "edit").sign(hs512);
        assertThatThrownBy(() -> tokens.verify(nullFile)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void refusesExpiredForgedAndIncompleteTokens() {
        IssuedToken issued = tokens.issue("alice", "FILE1", Permission.VIEW);
        JwtAccessTokens later = new JwtAccessTokens(SECRET, Duration.ofHours(10),
                Clock.fixed(NOW.plus(Duration.ofHours(10)).plusSeconds(1), ZoneOffset.UTC), "wopi");
        assertThatThrownBy(() -> later.verify(issued.token())).isInstanceOf(InvalidTokenException.class);
        JwtAccessTokens otherSecret = new JwtAccessTokens("t".repeat(64), Duration.ofHours(10), CLOCK, "wopi");
        assertThatThrownBy(() -> otherSecret.verify(issued.token())).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> tokens.verify(null)).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> tokens.verify("a.b.c")).isInstanceOf(InvalidTokenException.class);

        Algorithm hs512 = Algorithm.HMAC512(SECRET);
        Date exp = Date.from(NOW.plusSeconds(60));
        String noFile = JWT.create().withIssuer("nuxeo").withSubject("alice").withExpiresAt(exp)
                .withClaim(TokenClaims.PERMISSION, "edit").sign(hs512);
        String otherAudience = JWT.create().withIssuer("nuxeo").withSubject("alice").withExpiresAt(exp)
                .withAudience("/wopi/files/OTHER").withClaim(TokenClaims.FILE_ID, "FILE1")
                .withClaim(TokenClaims.PERMISSION, "edit").sign(hs512);
        String otherIssuer = JWT.create().withIssuer("someone").withSubject("alice").withExpiresAt(exp)
                .withAudience("/wopi/files/FILE1").withClaim(TokenClaims.FILE_ID, "FILE1")
                .withClaim(TokenClaims.PERMISSION, "edit").sign(hs512);
        String badPermission = JWT.create().withIssuer("nuxeo").withSubject("alice").withExpiresAt(exp)
                .withAudience("/wopi/files/FILE1").withClaim(TokenClaims.FILE_ID, "FILE1")
                .withClaim(TokenClaims.PERMISSION, "admin").sign(hs512);
        String noExpiry = JWT.create().withIssuer("nuxeo").withSubject("alice")
                .withAudience("/wopi/files/FILE1").withClaim(TokenClaims.FILE_ID, "FILE1")
                .withClaim(TokenClaims.PERMISSION, "edit").sign(hs512);
        String hs256 = JWT.create().withIssuer("nuxeo").withSubject("alice").withExpiresAt(exp)
                .withAudience("/wopi/files/FILE1").withClaim(TokenClaims.FILE_ID, "FILE1")
                .withClaim(TokenClaims.PERMISSION, "edit").sign(Algorithm.HMAC256(SECRET));
        for (String bad : new String[] {noFile, otherAudience, otherIssuer, badPermission, noExpiry, hs256}) {
            assertThatThrownBy(() -> tokens.verify(bad)).isInstanceOf(InvalidTokenException.class);
        }
    }

    @Test
    void aTokenVerifiedBeforeIsRefusedFromTheSecondItExpiresOrBeforeItWasIssued() throws Exception {
        MutableClock clock = new MutableClock(java.time.Instant.now());
        JwtAccessTokens sameInstance = new JwtAccessTokens(SECRET, Duration.ofHours(10), clock, "wopi");
        IssuedToken issued = sameInstance.issue("alice", "FILE1", Permission.EDIT);
        Instant issuedAt = JWT.decode(issued.token()).getIssuedAtAsInstant();
        assertThat(sameInstance.verify(issued.token()).userId()).isEqualTo("alice");

        clock.set(issued.expiresAt().minusMillis(1));
        assertThat(sameInstance.verify(issued.token()).userId()).isEqualTo("alice");
        clock.set(issued.expiresAt());
        assertThatThrownBy(() -> sameInstance.verify(issued.token())).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("expired");

        clock.set(issuedAt.minusSeconds(1));
        assertThatThrownBy(() -> sameInstance.verify(issued.token())).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("can't be used before");
        clock.set(issuedAt);
        assertThat(sameInstance.verify(issued.token()).userId()).isEqualTo("alice");
    }

    @Test
    void refusesWeakSecrets() {
        assertThatThrownBy(() -> new JwtAccessTokens("short", Duration.ofHours(1), CLOCK, "wopi"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 bytes");
        assertThatThrownBy(() -> new JwtAccessTokens(null, Duration.ofHours(1), CLOCK, "wopi"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
