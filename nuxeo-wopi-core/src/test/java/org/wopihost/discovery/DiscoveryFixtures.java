package org.wopihost.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.wopihost.testclient.proof.TestKeys;

/** The sample discovery files, with proof keys from freshly generated test key pairs filled in. */
final class DiscoveryFixtures {

    private DiscoveryFixtures() {
    }

    /** Microsoft-shaped: internal-http and external-https zones, current and old keys in both encodings. */
    static String microsoft() {
        return resource("microsoft-discovery.xml")
                .replace("@VALUE@", TestKeys.cspBlob(TestKeys.CURRENT))
                .replace("@MODULUS@", TestKeys.modulus(TestKeys.CURRENT))
                .replace("@EXPONENT@", TestKeys.exponent(TestKeys.CURRENT))
                .replace("@OLD_VALUE@", TestKeys.cspBlob(TestKeys.OLD))
                .replace("@OLD_MODULUS@", TestKeys.modulus(TestKeys.OLD))
                .replace("@OLD_EXPONENT@", TestKeys.exponent(TestKeys.OLD));
    }

    /** Collabora-shaped: MIME-named apps, external-http only, a current key only. */
    static String collabora() {
        return resource("collabora-discovery.xml")
                .replace("@VALUE@", TestKeys.cspBlob(TestKeys.CURRENT))
                .replace("@MODULUS@", TestKeys.modulus(TestKeys.CURRENT))
                .replace("@EXPONENT@", TestKeys.exponent(TestKeys.CURRENT));
    }

    static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    static DiscoveryDocument parse(String xml) throws DiscoveryException {
        return DiscoveryDocument.parse(bytes(xml));
    }

    private static String resource(String name) {
        try (InputStream in = DiscoveryFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
