package org.wopihost.discovery;

import java.nio.charset.StandardCharsets;

import org.wopihost.testclient.discovery.SampleDiscovery;

/** The sample discovery files, with proof keys from freshly generated test key pairs filled in. */
final class DiscoveryFixtures {

    private DiscoveryFixtures() {
    }

    /** Microsoft-shaped: internal-http and external-https zones, current and old keys in both encodings. */
    static String microsoft() {
        return SampleDiscovery.withTestKeys(SampleDiscovery.MICROSOFT);
    }

    /** Collabora-shaped: MIME-named apps, external-http only, a current key only. */
    static String collabora() {
        return SampleDiscovery.withTestKeys(SampleDiscovery.COLLABORA);
    }

    /** ONLYOFFICE-shaped (WOPI mode): Office-named apps, external-https, current and old keys. */
    static String onlyoffice() {
        return SampleDiscovery.withTestKeys(SampleDiscovery.ONLYOFFICE);
    }

    static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    static DiscoveryDocument parse(String xml) throws DiscoveryException {
        return DiscoveryDocument.parse(bytes(xml));
    }
}
