package org.wopihost.proof;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Checks that a WOPI request was signed by the WOPI client, as described in Microsoft's "Verifying that
 * requests originate from Office for the web by using proof keys".
 *
 * <p>The signed bytes are, each length a 4-byte big-endian int:
 * {@code [len][access token UTF-8][len][full request URL upper-cased, UTF-8][len = 8][X-WOPI-TimeStamp as
 * 8-byte big-endian long]}, signed with RSASSA-PKCS1-v1_5 over SHA-256. Three combinations are accepted
 * because keys rotate: X-WOPI-Proof with the current key, X-WOPI-ProofOld with the current key,
 * X-WOPI-Proof with the old key. The old header with the old key is never enough. A timestamp older than
 * 20 minutes is refused.
 *
 * <p>Never throws on what a client sends: malformed headers give {@link ProofResult.Status#INVALID}.
 * Thread-safe.
 */
public final class ProofKeyVerifier {

    /** Microsoft: the X-WOPI-TimeStamp must be no more than 20 minutes old. */
    static final Duration MAX_AGE = Duration.ofMinutes(20);
    private static final String ALGORITHM = "SHA256withRSA";

    private final Clock clock;

    public ProofKeyVerifier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ProofResult verify(ProofKeys keys, ProofRequest request) {
        if (keys == null || keys.isEmpty()) {
            return ProofResult.of(ProofResult.Status.NOT_CONFIGURED, "discovery publishes no proof key");
        }
        if (request.accessToken() == null || request.url() == null) {
            return invalid("access token or URL missing");
        }
        if (isBlank(request.proof()) && isBlank(request.proofOld())) {
            return invalid("no X-WOPI-Proof header");
        }
        long ticks;
        Instant signedAt;
        try {
            ticks = Long.parseLong(request.timestamp().trim());
            signedAt = DotNetTicks.toInstant(ticks);
        } catch (RuntimeException e) { // null, not a number, out of range
            return invalid("X-WOPI-TimeStamp missing or malformed");
        }

        byte[] expected = expectedProof(request.accessToken(), request.url(), ticks);
        ProofResult.Status status;
        String how;
        if (verifies(keys.current(), expected, request.proof())) {
            status = ProofResult.Status.VALID;
            how = "X-WOPI-Proof matches the current key";
        } else if (verifies(keys.current(), expected, request.proofOld())) {
            status = ProofResult.Status.VALID_WITH_OLD_KEY;
            how = "X-WOPI-ProofOld matches the current key";
        } else if (verifies(keys.old(), expected, request.proof())) {
            status = ProofResult.Status.VALID_WITH_OLD_KEY;
            how = "X-WOPI-Proof matches the old key";
        } else {
            return invalid("no signature matches the published proof keys");
        }

        // Checked after the signature so that EXPIRED always means a genuine but stale signature.
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(MAX_AGE))) {
            return ProofResult.of(ProofResult.Status.EXPIRED, "X-WOPI-TimeStamp " + signedAt + " is older than " + MAX_AGE);
        }
        // Not in Microsoft's text: a signature dated far ahead would stay replayable for that long.
        if (signedAt.isAfter(now.plus(MAX_AGE))) {
            return ProofResult.of(ProofResult.Status.EXPIRED, "X-WOPI-TimeStamp " + signedAt + " is in the future");
        }
        return ProofResult.of(status, how);
    }

    /** The bytes Office signs for a request. */
    static byte[] expectedProof(String accessToken, String url, long ticks) {
        byte[] token = accessToken.getBytes(StandardCharsets.UTF_8);
        byte[] upperUrl = upperCaseInvariant(url).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(4 + token.length + 4 + upperUrl.length + 4 + 8);
        writeWithLength(out, token);
        writeWithLength(out, upperUrl);
        writeWithLength(out, ByteBuffer.allocate(Long.BYTES).putLong(ticks).array());
        return out.toByteArray();
    }

    /**
     * Office upper-cases with .NET {@code ToUpperInvariant}, a char-by-char simple case mapping. Java's
     * {@code String.toUpperCase} would expand some characters ("ß" to "SS") and sign different bytes.
     */
    static String upperCaseInvariant(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toUpperCase(chars[i]);
        }
        return new String(chars);
    }

    private static void writeWithLength(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static boolean verifies(ProofKey key, byte[] expected, String signatureBase64) {
        if (key == null || isBlank(signatureBase64)) {
            return false;
        }
        try {
            byte[] signature = Base64.getDecoder().decode(signatureBase64.trim());
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key.publicKey());
            verifier.update(expected);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // bad base64, wrong signature length: not a signature by this key
        }
    }

    private static ProofResult invalid(String reason) {
        return ProofResult.of(ProofResult.Status.INVALID, reason);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
