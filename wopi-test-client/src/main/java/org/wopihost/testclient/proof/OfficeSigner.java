package org.wopihost.testclient.proof;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

import org.wopihost.testclient.WopiClient;

/**
 * Signs a request the way Office for the web does, written independently of the verifier so that the
 * tests do not check the code against itself.
 */
public final class OfficeSigner {

    private OfficeSigner() {
    }

    /**
     * Signs every request of a {@link WopiClient} as Office does at the moment it is sent: X-WOPI-Proof
     * with {@code current}, X-WOPI-ProofOld with {@code old} (left out when null), X-WOPI-TimeStamp.
     */
    public static WopiClient.Signer signer(KeyPair current, KeyPair old) {
        return (request, token, url) -> {
            long ticks = ticks(Instant.now());
            request.header("X-WOPI-Proof", sign(current, token, url, ticks));
            if (old != null) {
                request.header("X-WOPI-ProofOld", sign(old, token, url, ticks));
            }
            request.header("X-WOPI-TimeStamp", Long.toString(ticks));
        };
    }

    public static long ticks(Instant instant) {
        return instant.toEpochMilli() * 10_000L + 621_355_968_000_000_000L;
    }

    public static String sign(KeyPair key, String accessToken, String url, long ticks) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes); // big-endian, like Office
            byte[] token = accessToken.getBytes(StandardCharsets.UTF_8);
            byte[] upperUrl = url.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
            out.writeInt(token.length);
            out.write(token);
            out.writeInt(upperUrl.length);
            out.write(upperUrl);
            out.writeInt(8);
            out.writeLong(ticks);
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key.getPrivate());
            signature.update(bytes.toByteArray());
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
