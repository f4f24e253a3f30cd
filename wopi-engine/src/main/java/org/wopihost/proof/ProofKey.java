package org.wopihost.proof;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * One RSA public key a WOPI client (Office for the web, Office Online Server, Collabora Online) signs
 * its requests with, as published in the {@code proof-key} element of its discovery XML.
 *
 * <p>The discovery gives each key twice: as base64 {@code modulus}/{@code exponent} (big-endian unsigned
 * integers) and as a base64 .NET CSP {@code PUBLICKEYBLOB} in {@code value}. Both factories refuse
 * anything that is not a usable RSA key with an {@link IllegalArgumentException}.
 */
public final class ProofKey {

    // Office uses 2048-bit keys; below 1024 bits a key no longer proves anything.
    private static final int MIN_BITS = 1024;

    private final RSAPublicKey publicKey;
    private final String source;

    private ProofKey(RSAPublicKey publicKey, String source) {
        this.publicKey = publicKey;
        this.source = source;
    }

    /** Key from the base64 {@code modulus} and {@code exponent} attributes (big-endian, unsigned). */
    public static ProofKey fromModulusAndExponent(String modulusBase64, String exponentBase64) {
        BigInteger modulus = new BigInteger(1, decode(modulusBase64, "modulus"));
        BigInteger exponent = new BigInteger(1, decode(exponentBase64, "exponent"));
        return of(new RSAPublicKeySpec(modulus, exponent), "modulus/exponent");
    }

    /** Key from the base64 {@code value} attribute: a .NET CSP PUBLICKEYBLOB. */
    public static ProofKey fromCspBlob(String valueBase64) {
        return of(CspPublicKeyBlob.read(decode(valueBase64, "value")), "CSP blob");
    }

    /** Key from an RSA public key the caller already has (tests, other key sources). */
    public static ProofKey of(RSAPublicKey key) {
        Objects.requireNonNull(key, "key");
        return of(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()), "RSA public key");
    }

    private static ProofKey of(RSAPublicKeySpec spec, String source) {
        BigInteger modulus = spec.getModulus();
        BigInteger exponent = spec.getPublicExponent();
        if (modulus.bitLength() < MIN_BITS) {
            throw new IllegalArgumentException("RSA modulus too small: " + modulus.bitLength() + " bits");
        }
        if (exponent.compareTo(BigInteger.valueOf(3)) < 0 || !exponent.testBit(0) || exponent.compareTo(modulus) >= 0) {
            throw new IllegalArgumentException("invalid RSA public exponent " + exponent);
        }
        try {
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec);
            return new ProofKey(key, source);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a usable RSA public key: " + e.getMessage(), e);
        }
    }

    // Discovery attributes are plain base64; whitespace (line breaks) is tolerated, anything else is not.
    static byte[] decode(String base64, String what) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("missing " + what);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid base64 in " + what, e);
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException("empty " + what);
        }
        return bytes;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    int bitLength() {
        return publicKey.getModulus().bitLength();
    }

    /** Two keys are equal when they are the same RSA key, whichever attribute they were read from. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ProofKey other
                && publicKey.getModulus().equals(other.publicKey.getModulus())
                && publicKey.getPublicExponent().equals(other.publicKey.getPublicExponent());
    }

    @Override
    public int hashCode() {
        return publicKey.getModulus().hashCode();
    }

    @Override
    public String toString() {
        return "ProofKey[" + bitLength() + "-bit RSA from " + source + "]";
    }
}
