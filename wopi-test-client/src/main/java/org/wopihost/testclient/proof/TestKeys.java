package org.wopihost.testclient.proof;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/** Real 2048-bit RSA key pairs for the tests, generated once per JVM (generation is slow). */
public final class TestKeys {

    public static final KeyPair CURRENT = generate();
    public static final KeyPair OLD = generate();
    /** A key Office might rotate to before our discovery knows it. */
    public static final KeyPair NEXT = generate();

    private TestKeys() {
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RSAPublicKey rsa(KeyPair pair) {
        return (RSAPublicKey) pair.getPublic();
    }

    /** Base64 of the big-endian unsigned modulus, as the discovery {@code modulus} attribute. */
    public static String modulus(KeyPair pair) {
        return Base64.getEncoder().encodeToString(unsigned(rsa(pair).getModulus().toByteArray()));
    }

    /** Base64 of the big-endian unsigned exponent, as the discovery {@code exponent} attribute ("AQAB"). */
    public static String exponent(KeyPair pair) {
        return Base64.getEncoder().encodeToString(unsigned(rsa(pair).getPublicExponent().toByteArray()));
    }

    /** Base64 CSP PUBLICKEYBLOB, as the discovery {@code value} attribute. */
    public static String cspBlob(KeyPair pair) {
        return Base64.getEncoder().encodeToString(CspBlobEncoder.encode(rsa(pair), CspBlobEncoder.CALG_RSA_KEYX));
    }

    /**
     * The discovery {@code <proof-key>} element publishing {@code current} and {@code old}, in both the
     * CSP blob and the modulus/exponent forms, as Office for the web publishes them.
     */
    public static String discoveryElement(KeyPair current, KeyPair old) {
        return "<proof-key value=\"" + cspBlob(current) + "\" modulus=\"" + modulus(current) + "\" exponent=\""
                + exponent(current) + "\" oldvalue=\"" + cspBlob(old) + "\" oldmodulus=\"" + modulus(old)
                + "\" oldexponent=\"" + exponent(old) + "\"/>";
    }

    static byte[] unsigned(byte[] twosComplement) {
        if (twosComplement.length > 1 && twosComplement[0] == 0) {
            byte[] out = new byte[twosComplement.length - 1];
            System.arraycopy(twosComplement, 1, out, 0, out.length);
            return out;
        }
        return twosComplement;
    }
}
