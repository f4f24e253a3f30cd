package org.wopihost.nuxeo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.nuxeo.ecm.core.api.NuxeoPrincipal;
import org.nuxeo.ecm.jwt.JWTClaims;
import org.nuxeo.ecm.jwt.JWTService;
import org.wopihost.spi.AccessToken;
import org.wopihost.spi.AccessTokens;
import org.wopihost.spi.InvalidTokenException;
import org.wopihost.spi.IssuedToken;
import org.wopihost.spi.Permission;
import org.wopihost.token.TokenClaims;

import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.JWTDecodeException;

/**
 * Access tokens signed by Nuxeo's JWTService (HS512, {@code iss} nuxeo, secret {@code nuxeo.jwt.secret})
 * with our file-id and permission claims and an {@code aud} naming the file's WOPI path. Nuxeo's
 * JWT_AUTH plugin strips slashes from {@code aud} and accepts the token only on a request whose servlet
 * path + path info equals it or starts with it + "/", so a token opens {@code /wopihost/files/{id}} and
 * {@code /wopihost/files/{id}/contents} and nothing else in Nuxeo.
 */
public final class NuxeoAccessTokens implements AccessTokens {

    private final NuxeoServices services;
    private final Duration ttl;
    private final String wopiPath;
    private final Clock clock;

    public NuxeoAccessTokens(NuxeoServices services, Duration ttl, String wopiPath, Clock clock) {
        this.services = services;
        this.ttl = ttl;
        this.wopiPath = wopiPath;
        this.clock = clock;
    }

    @Override
    public IssuedToken issue(String userId, String fileId, Permission permission) {
        int seconds = (int) Math.min(Integer.MAX_VALUE, ttl.toSeconds());
        String token = services.jwtService().newBuilder()
                .withTTL(seconds)
                // JWTService puts the current user as subject; name the token's user explicitly.
                .withClaim(JWTClaims.CLAIM_SUBJECT, userId)
                .withClaim(JWTClaims.CLAIM_AUDIENCE, TokenClaims.audience(wopiPath, fileId))
                .withClaim(TokenClaims.FILE_ID, fileId)
                .withClaim(TokenClaims.PERMISSION, TokenClaims.permissionValue(permission))
                .build();
        // The service may cap the TTL (its maxTTL): access_token_ttl must be the real expiry.
        // getExpiresAt(), not getExpiresAtAsInstant(): Nuxeo 2023 ships java-jwt 3.19.4, which lacks the latter.
        Instant expiresAt;
        try {
            java.util.Date exp = JWT.decode(token).getExpiresAt();
            expiresAt = exp == null ? null : exp.toInstant();
        } catch (JWTDecodeException e) {
            expiresAt = null;
        }
        return new IssuedToken(token, expiresAt != null ? expiresAt : Instant.ofEpochSecond(clock.instant().plus(ttl).getEpochSecond()));
    }

    @Override
    public AccessToken verify(String token) throws InvalidTokenException {
        if (token == null || token.isEmpty()) {
            throw new InvalidTokenException("No access token");
        }
        Map<String, Object> claims = services.jwtService().verifyToken(token);
        if (claims == null) {
            throw new InvalidTokenException("JWTService rejected the token (signature, secret or expiry)");
        }
        if (!TokenClaims.ISSUER.equals(claims.get(JWTClaims.CLAIM_ISSUER))) {
            throw new InvalidTokenException("Wrong issuer");
        }
        String user = string(claims, JWTClaims.CLAIM_SUBJECT);
        // Nuxeo's JWT_AUTH reads the Authorization header before the access_token parameter we read: act
        // only for the user Nuxeo logged in (locks, versions and new tokens name that login).
        NuxeoPrincipal login = services.currentPrincipal();
        if (login == null || !user.equals(login.getName())) {
            throw new InvalidTokenException("The token's user is not the user Nuxeo logged in");
        }
        String fileId = string(claims, TokenClaims.FILE_ID);
        Permission permission = TokenClaims.permission(string(claims, TokenClaims.PERMISSION));
        if (!TokenClaims.audience(wopiPath, fileId).equals(audience(claims.get(JWTClaims.CLAIM_AUDIENCE)))) {
            throw new InvalidTokenException("Access token audience does not match its file");
        }
        if (!(claims.get(JWTClaims.CLAIM_EXPIRES_AT) instanceof Number exp)) {
            throw new InvalidTokenException("No expiry");
        }
        Instant expiresAt = Instant.ofEpochSecond(exp.longValue());
        if (!expiresAt.isAfter(clock.instant())) {
            throw new InvalidTokenException("Expired");
        }
        return new AccessToken(user, fileId, permission, expiresAt);
    }

    /** A single audience, as a string or a one-element array. */
    private static String audience(Object aud) {
        if (aud instanceof String s) {
            return s;
        }
        if (aud instanceof List<?> list && list.size() == 1 && list.get(0) instanceof String s) {
            return s;
        }
        return null;
    }

    private static String string(Map<String, Object> claims, String name) throws InvalidTokenException {
        if (claims.get(name) instanceof String s && !s.isEmpty()) {
            return s;
        }
        throw new InvalidTokenException("Missing claim " + name);
    }
}
