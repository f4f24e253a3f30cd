package org.wopihost.testclient.proof;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * Real 2048-bit RSA key pairs for the tests, made once with {@code openssl genpkey} and kept as PKCS#8
 * PEM files beside this class: generating them took a test JVM one to three seconds of CPU (more on
 * the client compiler the test forks run on), in each test JVM that uses them.
 */
public final class TestKeys {

    public static final KeyPair CURRENT = load("current.pem");
    public static final KeyPair OLD = load("old.pem");
    /** A key Office might rotate to before our discovery knows it. */
    public static final KeyPair NEXT = load("next.pem");

    private TestKeys() {
    }

    /** The private key of a PEM file beside this class, and its public half (modulus and public exponent). */
    private static KeyPair load(String resource) {
        try (InputStream in = TestKeys.class.getResourceAsStream(resource)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(resource, e);
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
