package org.nuxeo.ecm.jwt;

/** Declared from nuxeo-platform-login-jwt: org/nuxeo/ecm/jwt/JWTClaims.java */
public class JWTClaims {

    public static final String CLAIM_AUDIENCE = "aud";

    public static final String CLAIM_EXPIRES_AT = "exp";

    public static final String CLAIM_ISSUER = "iss";

    public static final String CLAIM_SUBJECT = "sub";

    private JWTClaims() {
    }
}
