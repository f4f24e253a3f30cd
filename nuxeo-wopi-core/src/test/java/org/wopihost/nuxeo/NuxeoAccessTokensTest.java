package org.wopihost.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.nuxeo.ecm.jwt.JWTService;
import org.nuxeo.ecm.jwt.JWTService.JWTBuilder;
import org.wopihost.spi.AccessToken;
import org.wopihost.spi.InvalidTokenException;
import org.wopihost.spi.IssuedToken;
import org.wopihost.spi.Permission;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;

class NuxeoAccessTokensTest {

    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    private final NuxeoServices services = Fixtures.services();
    private final JWTService jwt = mock(JWTService.class);
    private final JWTBuilder builder = mock(JWTBuilder.class);
    private final NuxeoAccessTokens tokens = new NuxeoAccessTokens(services, Duration.ofHours(10), "wopihost",
            Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void setUp() {
        when(services.jwtService()).thenReturn(jwt);
        when(jwt.newBuilder()).thenReturn(builder);
        when(builder.withTTL(anyInt())).thenReturn(builder);
        when(builder.withClaim(anyString(), org.mockito.ArgumentMatchers.any())).thenReturn(builder);
        loggedIn("jane");
    }

    /** The user Nuxeo's authentication filter logged in on this thread (JWT_AUTH), or nobody when null. */
    private void loggedIn(String user) {
        NuxeoPrincipal principal = user == null ? null : mock(NuxeoPrincipal.class);
        if (principal != null) {
            lenient().when(principal.getName()).thenReturn(user);
        }
        lenient().when(services.currentPrincipal()).thenReturn(principal);
    }

    @Test
    void refusesATokenOfAnotherUserThanNuxeosLogin() {
        when(jwt.verifyToken("t")).thenReturn(claims());
        loggedIn("bob");
        assertThatThrownBy(() -> tokens.verify("t")).isInstanceOf(InvalidTokenException.class);
        loggedIn(null);
        assertThatThrownBy(() -> tokens.verify("t")).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void issuesAJwtConfinedToTheFilesWopiPath() {
        Instant exp = NOW.plus(Duration.ofHours(1)); // as if JWTService capped the TTL to its maxTTL
        when(builder.build()).thenReturn(JWT.create().withExpiresAt(java.util.Date.from(exp)).sign(Algorithm.HMAC512("x".repeat(64))));
        IssuedToken issued = tokens.issue("jane", "FILEID", Permission.EDIT);
        verify(builder).withTTL(36_000);
        verify(builder).withClaim("sub", "jane");
        verify(builder).withClaim("aud", "/wopihost/files/FILEID");
        verify(builder).withClaim("wopihost.fid", "FILEID");
        verify(builder).withClaim("wopihost.perm", "edit");
        assertThat(issued.expiresAt()).isEqualTo(exp);
    }

    private Map<String, Object> claims() {
        Map<String, Object> c = new HashMap<>();
        c.put("iss", "nuxeo");
        c.put("sub", "jane");
        c.put("aud", "/wopihost/files/FILEID");
        c.put("exp", NOW.plusSeconds(60).getEpochSecond());
        c.put("wopihost.fid", "FILEID");
        c.put("wopihost.perm", "view");
        return c;
    }

    @Test
    void verifiesTheClaims() throws InvalidTokenException {
        when(jwt.verifyToken("t")).thenReturn(claims());
        AccessToken token = tokens.verify("t");
        assertThat(token).isEqualTo(new AccessToken("jane", "FILEID", Permission.VIEW, NOW.plusSeconds(60)));
    }

    @Test
    void acceptsASingleElementAudienceArray() throws InvalidTokenException {
        Map<String, Object> c = claims();
        c.put("aud", List.of("/wopihost/files/FILEID"));
        when(jwt.verifyToken("t")).thenReturn(c);
        assertThat(tokens.verify("t").fileId()).isEqualTo("FILEID");
    }

    @Test
    void rejectsInvalidTokens() {
        assertThatThrownBy(() -> tokens.verify(null)).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> tokens.verify("bad")).isInstanceOf(InvalidTokenException.class);
        for (var change : List.<java.util.function.Consumer<Map<String, Object>>>of(
                c -> c.put("aud", "/wopihost/files/OTHER"),
                c -> c.remove("aud"),
                c -> c.put("aud", "/wopi/files/FILEID"),
                c -> c.put("iss", "someone"),
                c -> c.remove("wopihost.fid"),
                c -> c.put("wopihost.perm", "admin"),
                c -> c.put("exp", NOW.minusSeconds(1).getEpochSecond()),
                c -> c.remove("sub"))) {
            Map<String, Object> c = claims();
            change.accept(c);
            when(jwt.verifyToken("t")).thenReturn(c);
            assertThatThrownBy(() -> tokens.verify("t")).isInstanceOf(InvalidTokenException.class);
        }
    }
}
