package org.wopihost.testclient.proof;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.interfaces.RSAPublicKey;

/** Writes a CryptoAPI PUBLICKEYBLOB the way .NET {@code ExportCspBlob(false)} does, for the tests. */
public final class CspBlobEncoder {

    public static final int CALG_RSA_KEYX = 0xA400;
    public static final int CALG_RSA_SIGN = 0x2400;

    private CspBlobEncoder() {
    }

    public static byte[] encode(RSAPublicKey key, int algorithm) {
        byte[] modulus = TestKeys.unsigned(key.getModulus().toByteArray());
        ByteBuffer out = ByteBuffer.allocate(20 + modulus.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 0x06).put((byte) 0x02).putShort((short) 0).putInt(algorithm);
        out.put(new byte[] {'R', 'S', 'A', '1'});
        out.putInt(modulus.length * 8);
        out.putInt(key.getPublicExponent().intValueExact());
        for (int i = modulus.length - 1; i >= 0; i--) {
            out.put(modulus[i]);
        }
        return out.array();
    }
}
