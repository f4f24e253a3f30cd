package org.wopihost.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wopihost.proof.ProofResult.Status.EXPIRED;
import static org.wopihost.proof.ProofResult.Status.INVALID;
import static org.wopihost.proof.ProofResult.Status.NOT_CONFIGURED;
import static org.wopihost.proof.ProofResult.Status.VALID;
import static org.wopihost.proof.ProofResult.Status.VALID_WITH_OLD_KEY;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wopihost.testclient.proof.OfficeSigner;
import org.wopihost.testclient.proof.TestKeys;

class ProofKeyVerifierTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:30.123Z");
    private static final String TOKEN = "eyJhbGciOiJIUzUxMiJ9.eyJzdWIiOiJqZG9lIn0.c2lnbmF0dXJl";
    private static final String URL = "https://nuxeo.example.com/nuxeo/site/wopi/files/ZGVmYXVsdDoxMjM0?access_token=" + TOKEN;

    private static final ProofKeys KEYS = new ProofKeys(
            ProofKey.fromModulusAndExponent(TestKeys.modulus(TestKeys.CURRENT), TestKeys.exponent(TestKeys.CURRENT)),
            ProofKey.fromModulusAndExponent(TestKeys.modulus(TestKeys.OLD), TestKeys.exponent(TestKeys.OLD)));

    private final ProofKeyVerifier verifier = new ProofKeyVerifier(Clock.fixed(NOW, ZoneOffset.UTC));
    private final long ticks = OfficeSigner.ticks(NOW.minusSeconds(3));

    private static String sign(KeyPair key, long ticks) {
        return OfficeSigner.sign(key, TOKEN, URL, ticks);
    }

    private ProofResult verify(String proof, String proofOld) {
        return verifier.verify(KEYS, new ProofRequest(TOKEN, URL, Long.toString(ticks), proof, proofOld));
    }

    @Test
    void proofWithCurrentKeyIsValid() {
        ProofResult result = verify(sign(TestKeys.CURRENT, ticks), sign(TestKeys.OLD, ticks));

        assertThat(result.status()).isEqualTo(VALID);
        assertThat(result.isAccepted()).isTrue();
    }

    @Test
    void proofOldWithCurrentKeyIsValidButAsksForRefresh() {
        // Office rotated: it signs with a key our cached discovery does not know yet
        ProofResult result = verify(sign(TestKeys.NEXT, ticks), sign(TestKeys.CURRENT, ticks));

        assertThat(result.status()).isEqualTo(VALID_WITH_OLD_KEY);
        assertThat(result.isAccepted()).isTrue();
        assertThat(result.reason()).contains("X-WOPI-ProofOld");
    }

    @Test
    void proofWithOldKeyIsValidButAsksForRefresh() {
        // our discovery already has the new key, Office still signs with the previous one
        ProofResult result = verify(sign(TestKeys.OLD, ticks), sign(TestKeys.NEXT, ticks));

        assertThat(result.status()).isEqualTo(VALID_WITH_OLD_KEY);
        assertThat(result.reason()).contains("old key");
    }

    @Test
    void proofOldWithOldKeyIsNotEnough() {
        ProofResult result = verify(sign(TestKeys.NEXT, ticks), sign(TestKeys.OLD, ticks));

        assertThat(result.status()).isEqualTo(INVALID);
        assertThat(result.isAccepted()).isFalse();
    }

    @Test
    void proofWithUnknownKeyIsInvalid() {
        assertThat(verify(sign(TestKeys.NEXT, ticks), null).status()).isEqualTo(INVALID);
    }

    @Test
    void onlyProofOldHeaderWithCurrentKeyIsAccepted() {
        assertThat(verify(null, sign(TestKeys.CURRENT, ticks)).status()).isEqualTo(VALID_WITH_OLD_KEY);
    }

    @Test
    void tamperedTokenIsInvalid() {
        String proof = sign(TestKeys.CURRENT, ticks);

        ProofResult result = verifier.verify(KEYS, new ProofRequest(TOKEN + "x", URL, Long.toString(ticks), proof, proof));

        assertThat(result.status()).isEqualTo(INVALID);
    }

    @Test
    void tamperedUrlIsInvalid() {
        String proof = sign(TestKeys.CURRENT, ticks);
        String otherFile = URL.replace("ZGVmYXVsdDoxMjM0", "ZGVmYXVsdDoxMjM1");

        assertThat(verifier.verify(KEYS, new ProofRequest(TOKEN, otherFile, Long.toString(ticks), proof, proof)).status())
                .isEqualTo(INVALID);
        assertThat(verifier.verify(KEYS, new ProofRequest(TOKEN, URL + "&x=1", Long.toString(ticks), proof, proof)).status())
                .isEqualTo(INVALID);
        assertThat(verifier.verify(KEYS, new ProofRequest(TOKEN, URL.replace("https:", "http:"), Long.toString(ticks), proof, proof)).status())
                .isEqualTo(INVALID);
    }

    @Test
    void tamperedTimestampIsInvalid() {
        String proof = sign(TestKeys.CURRENT, ticks);

        ProofResult result = verifier.verify(KEYS, new ProofRequest(TOKEN, URL, Long.toString(ticks + 1), proof, proof));

        assertThat(result.status()).isEqualTo(INVALID);
    }

    @Test
    void urlCaseDoesNotMatterBecauseItIsUpperCased() {
        // Office signed the URL as it called it; the servlet may rebuild it with another host case
        String asOfficeCalled = "https://Nuxeo.Example.com/nuxeo/site/wopi/files/ZGVmYXVsdDoxMjM0?access_token=" + TOKEN;
        String proof = OfficeSigner.sign(TestKeys.CURRENT, TOKEN, asOfficeCalled, ticks);

        ProofResult result = verifier.verify(KEYS, new ProofRequest(TOKEN, URL.toLowerCase(), Long.toString(ticks), proof, null));

        assertThat(result.status()).isEqualTo(VALID);
    }

    @Test
    void timestampOlderThanTwentyMinutesIsExpired() {
        long old = OfficeSigner.ticks(NOW.minus(Duration.ofMinutes(21)));

        ProofResult result = verifier.verify(KEYS, new ProofRequest(TOKEN, URL, Long.toString(old), sign(TestKeys.CURRENT, old), null));

        assertThat(result.status()).isEqualTo(EXPIRED);
        assertThat(result.isAccepted()).isFalse();
    }

    @Test
    void timestampNineteenMinutesOldIsStillValid() {
        long recent = OfficeSigner.ticks(NOW.minus(Duration.ofMinutes(19)));

        ProofResult result = verifier.verify(KEYS, new ProofRequest(TOKEN, URL, Long.toString(recent), sign(TestKeys.CURRENT, recent), null));

        assertThat(result.status()).isEqualTo(VALID);
    }

    @Test
    void timestampExactlyTwentyMinutesOldIsStillValid() {
        long edge = OfficeSigner.ticks(NOW.minus(ProofKeyVerifier.MAX_AGE));

        ProofResult result = verifier.verify(KEYS, new ProofRequest(TOKEN, URL, Long.toString(edge), sign(TestKeys.CURRENT, edge), null));

        assertThat(result.status()).isEqualTo(VALID);
    }

    @Test
    void timestampFarInTheFutureIsRefused() {
        long future = OfficeSigner.ticks(NOW.plus(Duration.ofMinutes(21)));

        ProofResult result = verifier.verify(KEYS, new ProofRequest(TOKEN, URL, Long.toString(future), sign(TestKeys.CURRENT, future), null));

        assertThat(result.status()).isEqualTo(EXPIRED);
    }

    @Test
    void staleUnsignedRequestIsInvalidNotExpired() {
        long old = OfficeSigner.ticks(NOW.minus(Duration.ofHours(2)));

        ProofResult result = verifier.verify(KEYS, new ProofRequest(TOKEN, URL, Long.toString(old), sign(TestKeys.NEXT, old), null));

        assertThat(result.status()).isEqualTo(INVALID);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "abc", "-1", "1.5", "0x1F", "99999999999999999999", "-9223372036854775808",
            "9223372036854775807", "3155378976000000000"})
    void garbageTimestampIsInvalid(String timestamp) {
        String proof = sign(TestKeys.CURRENT, ticks);

        ProofResult result = verifier.verify(KEYS, new ProofRequest(TOKEN, URL, timestamp, proof, proof));

        assertThat(result.status()).isEqualTo(INVALID);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "%%%not-base64%%%", "AAAA", "aGVsbG8=", "====", "\u00e9\u00e8"})
    void garbageProofHeadersAreInvalid(String garbage) {
        assertThat(verify(garbage, garbage).status()).isEqualTo(INVALID);
    }

    @Test
    void randomSignatureOfTheRightLengthIsInvalid() {
        byte[] noise = new byte[256];
        new java.util.Random(42).nextBytes(noise);
        String random = Base64.getEncoder().encodeToString(noise);

        assertThat(verify(random, random).status()).isEqualTo(INVALID);
    }

    @Test
    void missingTokenOrUrlIsInvalid() {
        String proof = sign(TestKeys.CURRENT, ticks);

        assertThat(verifier.verify(KEYS, new ProofRequest(null, URL, Long.toString(ticks), proof, null)).status()).isEqualTo(INVALID);
        assertThat(verifier.verify(KEYS, new ProofRequest(TOKEN, null, Long.toString(ticks), proof, null)).status()).isEqualTo(INVALID);
    }

    @Test
    void noKeysIsNotConfigured() {
        String proof = sign(TestKeys.CURRENT, ticks);

        ProofResult result = verifier.verify(ProofKeys.none(), new ProofRequest(TOKEN, URL, Long.toString(ticks), proof, null));

        assertThat(result.status()).isEqualTo(NOT_CONFIGURED);
        assertThat(result.isAccepted()).isFalse();
        assertThat(verifier.verify(null, new ProofRequest(TOKEN, URL, null, null, null)).status()).isEqualTo(NOT_CONFIGURED);
    }

    @Test
    void currentKeyOnlyAsCollaboraPublishes() {
        ProofKeys collabora = new ProofKeys(ProofKey.fromCspBlob(TestKeys.cspBlob(TestKeys.CURRENT)), null);

        assertThat(verifier.verify(collabora, new ProofRequest(TOKEN, URL, Long.toString(ticks), sign(TestKeys.CURRENT, ticks), null)).status())
                .isEqualTo(VALID);
        assertThat(verifier.verify(collabora, new ProofRequest(TOKEN, URL, Long.toString(ticks), sign(TestKeys.OLD, ticks), null)).status())
                .isEqualTo(INVALID);
    }

    @Test
    void oldKeyOnlyStillAcceptsProofSignedWithIt() {
        ProofKeys oldOnly = new ProofKeys(null, KEYS.old());

        assertThat(verifier.verify(oldOnly, new ProofRequest(TOKEN, URL, Long.toString(ticks), sign(TestKeys.OLD, ticks), null)).status())
                .isEqualTo(VALID_WITH_OLD_KEY);
    }

    @Test
    void nonAsciiTokenAndUrlAreSignedAsUtf8() {
        String token = "t\u00f6ken-\u00e9t\u00e9";
        String url = "https://h\u00f4te.example/wopi/files/r\u00e9sum\u00e9?access_token=" + token;
        String proof = OfficeSigner.sign(TestKeys.CURRENT, token, url, ticks);

        assertThat(verifier.verify(KEYS, new ProofRequest(token, url, Long.toString(ticks), proof, null)).status()).isEqualTo(VALID);
    }

    @Test
    void expectedBytesHaveTheDocumentedLayout() {
        byte[] bytes = ProofKeyVerifier.expectedProof("ab", "https://x/y?z", 0x0102030405060708L);

        assertThat(bytes).containsExactly(
                0, 0, 0, 2, 'a', 'b',
                0, 0, 0, 13, 'H', 'T', 'T', 'P', 'S', ':', '/', '/', 'X', '/', 'Y', '?', 'Z',
                0, 0, 0, 8, 1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void upperCasingKeepsTheLength() {
        assertThat(ProofKeyVerifier.upperCaseInvariant("stra\u00dfe-\u00e9")).isEqualTo("STRA\u00dfE-\u00c9");
    }
}
