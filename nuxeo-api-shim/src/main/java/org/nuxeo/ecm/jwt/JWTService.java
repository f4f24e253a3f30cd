package org.nuxeo.ecm.jwt;

import java.util.Map;

/** Declared from nuxeo-platform-login-jwt: org/nuxeo/ecm/jwt/JWTService.java */
public interface JWTService {

    interface JWTBuilder {

        JWTBuilder withTTL(int ttlSeconds);

        JWTBuilder withClaim(String name, Object value);

        String build();
    }

    JWTBuilder newBuilder();

    /** The claims, or null if the token is invalid (corrupted, wrong secret, expired). */
    Map<String, Object> verifyToken(String token);
}
