package org.wopihost.spi;

import java.time.Instant;

/** A freshly signed token and its expiry ({@code access_token_ttl} is its epoch milliseconds). */
public record IssuedToken(String token, Instant expiresAt) {
}
