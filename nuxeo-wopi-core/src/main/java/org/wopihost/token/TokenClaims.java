package org.wopihost.token;

/**
 * Claim names of our access tokens. Registered JWT claims ({@code iss}, {@code sub}, {@code exp},
 * {@code aud}) carry the same values as Nuxeo's JWTService tokens; ours are namespaced.
 */
public final class TokenClaims {

    /** Nuxeo's JWTService issuer, so one verifier accepts tokens of both platforms. */
    public static final String ISSUER = "nuxeo";
    /** The WOPI file id the token opens, and only that one. */
    public static final String FILE_ID = "wopihost.fid";
    /** {@code view} or {@code edit}. */
    public static final String PERMISSION = "wopihost.perm";

    private TokenClaims() {
    }

    /**
     * The audience that confines a token to one file's WOPI URLs: Nuxeo's JWT authenticator only
     * accepts a token with an {@code aud} claim on a request whose path starts with it.
     */
    public static String audience(String wopiPath, String fileId) {
        return "/" + wopiPath + "/files/" + fileId;
    }
}
