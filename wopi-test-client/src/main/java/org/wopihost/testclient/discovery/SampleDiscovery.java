package org.wopihost.testclient.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.wopihost.testclient.proof.TestKeys;

/**
 * The sample discovery files (resources next to this class), shared by the engine's and the Nuxeo
 * binding's tests. Their proof keys are placeholders, filled in with the test key pairs' public keys.
 */
public final class SampleDiscovery {

    /** Microsoft-shaped: internal-http and external-https zones, current and old keys in both encodings. */
    public static final String MICROSOFT = "microsoft-discovery.xml";
    /** Collabora-shaped: MIME-named apps, external-http only, a current key only. */
    public static final String COLLABORA = "collabora-discovery.xml";
    /** ONLYOFFICE-shaped (WOPI mode): Office-named apps, external-https, current and old keys. */
    public static final String ONLYOFFICE = "onlyoffice-discovery.xml";

    private SampleDiscovery() {
    }

    /** The file with {@link TestKeys#CURRENT} and {@link TestKeys#OLD} as its proof keys. */
    public static String withTestKeys(String name) {
        return asStored(name)
                .replace("@VALUE@", TestKeys.cspBlob(TestKeys.CURRENT))
                .replace("@MODULUS@", TestKeys.modulus(TestKeys.CURRENT))
                .replace("@EXPONENT@", TestKeys.exponent(TestKeys.CURRENT))
                .replace("@OLD_VALUE@", TestKeys.cspBlob(TestKeys.OLD))
                .replace("@OLD_MODULUS@", TestKeys.modulus(TestKeys.OLD))
                .replace("@OLD_EXPONENT@", TestKeys.exponent(TestKeys.OLD));
    }

    /** The file as stored, placeholders included. */
    public static String asStored(String name) {
        try (InputStream in = SampleDiscovery.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing sample discovery file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
