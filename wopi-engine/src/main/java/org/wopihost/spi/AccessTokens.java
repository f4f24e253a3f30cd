package org.wopihost.spi;

/** Port: the platform's token service. */
public interface AccessTokens {

    /** Signs a token that lets {@code userId} use the one file {@code fileId} with {@code permission}. */
    IssuedToken issue(String userId, String fileId, Permission permission);

    /**
     * Checks signature, issuer and expiry and returns the claims.
     *
     * @throws InvalidTokenException for a token that is malformed, forged, expired or lacks a claim
     */
    AccessToken verify(String token) throws InvalidTokenException;
}
