package org.wopihost.token;

import java.util.Locale;

import org.wopihost.spi.InvalidTokenException;
import org.wopihost.spi.Permission;

/**
 * Claim names of our access tokens. Registered JWT claims ({@code iss}, {@code sub}, {@code exp},
 * {@code aud}) carry the same values as Nuxeo's JWTService tokens; ours are namespaced.
 */
public final class TokenClaims {

    /** Nuxeo's JWTService issuer, so one verifier accepts tokens of both platforms. */
    public static final String ISSUER = "nuxeo";
    /**
     * The WOPI file id the token opens, and only that one. The standalone host's tokens name it in their
     * audience only (a client sends the token with every request, in the URL); Nuxeo's carry both.
     */
    public static final String FILE_ID = "wopihost.fid";
    /** {@code view} or {@code edit}. */
    public static final String PERMISSION = "wopihost.perm";

    private TokenClaims() {
    }

    /** The {@link #PERMISSION} claim's value for a permission. */
    public static String permissionValue(Permission permission) {
        return permission.name().toLowerCase(Locale.ROOT);
    }

    /** The permission a {@link #PERMISSION} claim names. */
    public static Permission permission(String value) throws InvalidTokenException {
        for (Permission p : Permission.values()) {
            if (permissionValue(p).equals(value)) {
                return p;
            }
        }
        throw new InvalidTokenException("Unknown permission claim: " + value);
    }

    /**
     * The audience that confines a token to one file's WOPI URLs: Nuxeo's JWT authenticator only
     * accepts a token with an {@code aud} claim on a request whose path starts with it.
     */
    public static String audience(String wopiPath, String fileId) {
        return "/" + wopiPath + "/files/" + fileId;
    }

    /** The file id an {@link #audience} names, or null when {@code audience} is not one. */
    public static String fileIdOf(String wopiPath, String audience) {
        String prefix = audience(wopiPath, "");
        if (audience == null || !audience.startsWith(prefix) || audience.length() == prefix.length()
                || audience.indexOf('/', prefix.length()) >= 0) {
            return null;
        }
        return audience.substring(prefix.length());
    }
}
