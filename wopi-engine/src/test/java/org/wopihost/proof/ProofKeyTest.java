package org.wopihost.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wopihost.testclient.proof.CspBlobEncoder;
import org.wopihost.testclient.proof.TestKeys;

class ProofKeyTest {

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] blob() {
        return CspBlobEncoder.encode(TestKeys.rsa(TestKeys.CURRENT), CspBlobEncoder.CALG_RSA_KEYX);
    }

    @Test
    void modulusAndExponentGiveTheKey() {
        ProofKey key = ProofKey.fromModulusAndExponent(TestKeys.modulus(TestKeys.CURRENT), TestKeys.exponent(TestKeys.CURRENT));

        assertThat(key.publicKey().getModulus()).isEqualTo(TestKeys.rsa(TestKeys.CURRENT).getModulus());
        assertThat(key.publicKey().getPublicExponent()).isEqualTo(BigInteger.valueOf(65537));
        assertThat(key.bitLength()).isEqualTo(2048);
    }

    @Test
    void cspBlobGivesTheSameKeyAsModulusAndExponent() {
        ProofKey fromBlob = ProofKey.fromCspBlob(TestKeys.cspBlob(TestKeys.CURRENT));
        ProofKey fromParts = ProofKey.fromModulusAndExponent(TestKeys.modulus(TestKeys.CURRENT), TestKeys.exponent(TestKeys.CURRENT));

        assertThat(fromBlob).isEqualTo(fromParts).isEqualTo(ProofKey.of(TestKeys.rsa(TestKeys.CURRENT)));
        assertThat(fromBlob).isNotEqualTo(ProofKey.of(TestKeys.rsa(TestKeys.OLD)));
        // what .NET exports for a 2048-bit key with exponent 65537 always starts like this
        assertThat(TestKeys.cspBlob(TestKeys.CURRENT)).startsWith("BgIAAACkAABSU0ExAAgAAAEAAQ");
    }

    @Test
    void signatureKeyBlobIsAccepted() {
        byte[] blob = CspBlobEncoder.encode(TestKeys.rsa(TestKeys.OLD), CspBlobEncoder.CALG_RSA_SIGN);

        assertThat(ProofKey.fromCspBlob(b64(blob))).isEqualTo(ProofKey.of(TestKeys.rsa(TestKeys.OLD)));
    }

    @Test
    void base64WithLineBreaksIsAccepted() {
        String wrapped = Base64.getMimeEncoder().encodeToString(blob());
        assertThat(wrapped).contains("\r\n");

        assertThat(ProofKey.fromCspBlob(wrapped)).isEqualTo(ProofKey.of(TestKeys.rsa(TestKeys.CURRENT)));
    }

    @Test
    void modulusWithLeadingZeroByteIsAccepted() {
        byte[] signed = TestKeys.rsa(TestKeys.CURRENT).getModulus().toByteArray(); // 257 bytes, leading 0
        assertThat(signed[0]).isZero();

        assertThat(ProofKey.fromModulusAndExponent(b64(signed), "AQAB")).isEqualTo(ProofKey.of(TestKeys.rsa(TestKeys.CURRENT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not base64!", "AQAB", "////", "BgIAAACkAABSU0Ex"})
    void garbageValueIsRefused(String value) {
        assertThatThrownBy(() -> ProofKey.fromCspBlob(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullValueIsRefused() {
        assertThatThrownBy(() -> ProofKey.fromCspBlob(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProofKey.fromModulusAndExponent(null, "AQAB")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blobWithWrongHeaderFieldsIsRefused() {
        assertRefused(withByte(0, 0x07), "PUBLICKEYBLOB");
        assertRefused(withByte(1, 0x03), "version");
        assertRefused(withInt(4, 0x6603), "RSA"); // CALG_3DES
        assertRefused(withInt(8, 0x32415352), "RSA1"); // "RSA2" is a private key blob
        assertRefused(withInt(12, 2047), "bit length");
        assertRefused(withInt(12, 4096), "does not match");
        assertRefused(Arrays.copyOf(blob(), blob().length - 1), "does not match");
        assertRefused(Arrays.copyOf(blob(), blob().length + 1), "does not match");
        assertRefused(withInt(16, 2), "exponent");
    }

    @Test
    void tooSmallKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(512);
        RSAPublicKey small = (RSAPublicKey) generator.generateKeyPair().getPublic();

        assertThatThrownBy(() -> ProofKey.fromCspBlob(b64(CspBlobEncoder.encode(small, CspBlobEncoder.CALG_RSA_KEYX))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too small");
    }

    @Test
    void zeroOrEvenExponentIsRefused() {
        String modulus = TestKeys.modulus(TestKeys.CURRENT);
        assertThatThrownBy(() -> ProofKey.fromModulusAndExponent(modulus, b64(new byte[] {0})))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProofKey.fromModulusAndExponent(modulus, b64(new byte[] {1, 0, 0})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRefused(byte[] blob, String message) {
        assertThatThrownBy(() -> ProofKey.fromCspBlob(b64(blob)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    private static byte[] withByte(int offset, int value) {
        byte[] blob = blob();
        blob[offset] = (byte) value;
        return blob;
    }

    private static byte[] withInt(int offset, int value) {
        byte[] blob = blob();
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return blob;
    }
}
