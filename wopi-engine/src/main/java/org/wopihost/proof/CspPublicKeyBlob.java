package org.wopihost.proof;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.spec.RSAPublicKeySpec;

/**
 * Reads the .NET / CryptoAPI {@code PUBLICKEYBLOB} that {@code RSACryptoServiceProvider.ExportCspBlob(false)}
 * produces, which is what the {@code value} and {@code oldvalue} attributes of the discovery
 * {@code proof-key} element hold (base64-decoded).
 *
 * <p>Layout, all integers little-endian:
 * <pre>
 *  offset size  field
 *   0      1    bType      0x06 = PUBLICKEYBLOB
 *   1      1    bVersion   0x02 = CUR_BLOB_VERSION
 *   2      2    reserved   0
 *   4      4    aiKeyAlg   0x0000A400 CALG_RSA_KEYX or 0x00002400 CALG_RSA_SIGN
 *   8      4    magic      "RSA1" (0x31415352)
 *  12      4    bitlen     modulus size in bits
 *  16      4    pubexp     public exponent
 *  20  bitlen/8 modulus    little-endian, unsigned
 * </pre>
 * Every field is checked: a blob that is not exactly this shape is refused rather than guessed at.
 */
final class CspPublicKeyBlob {

    private static final int HEADER_LENGTH = 20;
    private static final byte PUBLICKEYBLOB = 0x06;
    private static final byte CUR_BLOB_VERSION = 0x02;
    private static final int CALG_RSA_KEYX = 0x0000A400;
    private static final int CALG_RSA_SIGN = 0x00002400;
    private static final int MAGIC_RSA1 = 0x31415352;
    // Same bounds as for modulus/exponent keys; beyond 16384 bits is not a real proof key.
    private static final int MAX_BITS = 16384;

    private CspPublicKeyBlob() {
    }

    static RSAPublicKeySpec read(byte[] blob) {
        if (blob.length < HEADER_LENGTH) {
            throw new IllegalArgumentException("CSP blob too short: " + blob.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        byte type = in.get();
        byte version = in.get();
        short reserved = in.getShort();
        int algorithm = in.getInt();
        int magic = in.getInt();
        int bitLength = in.getInt();
        long exponent = Integer.toUnsignedLong(in.getInt());
        if (type != PUBLICKEYBLOB) {
            throw new IllegalArgumentException("not a PUBLICKEYBLOB (bType " + type + ")");
        }
        if (version != CUR_BLOB_VERSION || reserved != 0) {
            throw new IllegalArgumentException("unsupported blob version " + version);
        }
        if (algorithm != CALG_RSA_KEYX && algorithm != CALG_RSA_SIGN) {
            throw new IllegalArgumentException("not an RSA key (aiKeyAlg 0x" + Integer.toHexString(algorithm) + ")");
        }
        if (magic != MAGIC_RSA1) {
            throw new IllegalArgumentException("missing RSA1 magic");
        }
        if (bitLength <= 0 || bitLength > MAX_BITS || bitLength % 8 != 0) {
            throw new IllegalArgumentException("bad modulus bit length " + Integer.toUnsignedString(bitLength));
        }
        int modulusLength = bitLength / 8;
        if (blob.length != HEADER_LENGTH + modulusLength) {
            throw new IllegalArgumentException("blob length " + blob.length + " does not match a "
                    + bitLength + "-bit modulus");
        }
        byte[] modulusBigEndian = new byte[modulusLength];
        for (int i = 0; i < modulusLength; i++) {
            modulusBigEndian[i] = blob[blob.length - 1 - i];
        }
        return new RSAPublicKeySpec(new BigInteger(1, modulusBigEndian), BigInteger.valueOf(exponent));
    }
}
