package org.wopihost.standalone.token;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;

import org.wopihost.spi.AccessToken;
import org.wopihost.spi.AccessTokens;
import org.wopihost.spi.InvalidTokenException;
import org.wopihost.spi.IssuedToken;
import org.wopihost.spi.Permission;
import org.wopihost.token.TokenClaims;

/**
 * Access tokens as HS512 JWTs in the format of Nuxeo's JWTService ({@code iss} nuxeo, {@code sub}
 * the user, {@code exp}), plus the permission and an audience naming the file's WOPI path, which is
 * the file the token opens. Used where no platform token service exists (the standalone host).
 * <p>
 * The file id is not repeated in a claim of its own, as Nuxeo's tokens have it: a client sends the
 * token in the URL of every request, and parsing that URL was a seventh of a Lock's CPU time (a
 * sixth less with 120 characters less). Tokens issued with the claim, by earlier versions, still
 * open their file when it names the same file as their audience.
 */
public final class JwtAccessTokens implements AccessTokens {

    /** HS512 wants a key at least as long as its 512-bit output. */
    static final int MIN_SECRET_BYTES = 64;

    /** Enough for the tokens of a few thousand open documents (some 600 bytes each), within a small heap. */
    static final int VERIFIED_MAX = 2048;

    private final Algorithm algorithm;
    private final Duration ttl;
    private final Clock clock;
    private final String wopiPath;
    private final JWTVerifier verifier;
    /**
     * Tokens whose signature and claims passed, with the times that decide whether they still do. A
     * client sends the same token with every request of a session, and verifying it (decoding, JSON,
     * HMAC) cost more than the rest of a CheckFileInfo's work (bench/run.sh).
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /** A verified token and the latest of its {@code iat} and {@code nbf}, if any. */
    private record Verified(AccessToken token, Instant notBefore) {
    }

    public JwtAccessTokens(String secret, Duration ttl, Clock clock, String wopiPath) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("The JWT secret must be at least " + MIN_SECRET_BYTES + " bytes long");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("The token lifetime must be positive");
        }
        this.algorithm = Algorithm.HMAC512(secret);
        this.ttl = ttl;
        this.clock = clock;
        this.wopiPath = wopiPath;
        // build(Clock) is only on the concrete builder; it makes expiry follow our clock.
        JWTVerifier.BaseVerification verification = (JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withIssuer(TokenClaims.ISSUER)
                .withClaimPresence("sub")
                .withClaimPresence("exp")
                .withClaimPresence(TokenClaims.PERMISSION)
                .acceptLeeway(0);
        this.verifier = verification.build(clock);
    }

    @Override
    public IssuedToken issue(String userId, String fileId, Permission permission) {
        Instant now = clock.instant();
        // JWT times are whole seconds; round the expiry down so access_token_ttl matches exp exactly.
        Instant expiresAt = Instant.ofEpochSecond(now.plus(ttl).getEpochSecond());
        String token = JWT.create()
                .withIssuer(TokenClaims.ISSUER)
                .withSubject(userId)
                .withAudience(TokenClaims.audience(wopiPath, fileId))
                .withIssuedAt(Date.from(now))
                .withExpiresAt(Date.from(expiresAt))
                .withClaim(TokenClaims.PERMISSION, TokenClaims.permissionValue(permission))
                .sign(algorithm);
        return new IssuedToken(token, expiresAt);
    }

    @Override
    public AccessToken verify(String token) throws InvalidTokenException {
        if (token == null || token.isEmpty()) {
            throw new InvalidTokenException("No access token");
        }
        Verified known = verified.get(token);
        if (known != null && stillValid(known)) {
            return known.token();
        }
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(token);
        } catch (JWTVerificationException e) {
            throw new InvalidTokenException("Rejected access token: " + e.getMessage(), e);
        }
        List<String> audience = jwt.getAudience();
        String fileId = audience == null || audience.size() != 1 ? null : TokenClaims.fileIdOf(wopiPath, audience.get(0));
        Claim named = jwt.getClaim(TokenClaims.FILE_ID);
        if (fileId == null || (!named.isMissing() && !fileId.equals(named.asString()))) {
            throw new InvalidTokenException("Access token audience does not name one file, or not its file");
        }
        // Claim presence lets a claim through whose value is null ("exp": null): not an access token either.
        String user = jwt.getSubject();
        Instant expiresAt = jwt.getExpiresAtAsInstant();
        if (user == null || user.isEmpty() || expiresAt == null) {
            throw new InvalidTokenException("Access token without a user or an expiry");
        }
        AccessToken accessToken = new AccessToken(user, fileId,
                TokenClaims.permission(jwt.getClaim(TokenClaims.PERMISSION).asString()), expiresAt);
        if (verified.size() >= VERIFIED_MAX) {
            verified.clear();
        }
        verified.put(token, new Verified(accessToken, latest(jwt.getIssuedAtAsInstant(), jwt.getNotBeforeAsInstant())));
        return accessToken;
    }

    /** The verifier's own time checks (whole seconds, no leeway); a failing token is verified again. */
    private boolean stillValid(Verified known) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return now.isBefore(known.token().expiresAt()) && (known.notBefore() == null || !now.isBefore(known.notBefore()));
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
