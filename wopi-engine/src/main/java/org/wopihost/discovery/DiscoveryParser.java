package org.wopihost.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.wopihost.proof.ProofKey;
import org.wopihost.proof.ProofKeys;

/** Turns discovery XML (Microsoft 365, Office Online Server, Collabora Online) into a {@link DiscoveryDocument}. */
final class DiscoveryParser {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryParser.class);

    /**
     * Which net zone to read when none is configured. HTTPS first; external before internal because a
     * host usually reaches the WOPI client, and is reached by it, through its public name. Collabora
     * publishes only external-http; Microsoft 365 only external-https; Office Online Server several.
     */
    static final List<String> NET_ZONE_PREFERENCE =
            List.of("external-https", "internal-https", "external-http", "internal-http");

    private DiscoveryParser() {
    }

    static DiscoveryDocument parse(byte[] xml, String configuredNetZone) throws DiscoveryException {
        Document document = SecureXml.parse(xml);
        Element root = document.getDocumentElement();
        if (!"wopi-discovery".equals(localName(root))) {
            throw new DiscoveryException("root element is <" + localName(root) + ">, not <wopi-discovery>");
        }
        Element zone = chooseNetZone(children(root, "net-zone"), configuredNetZone);
        List<WopiApp> apps = new ArrayList<>();
        for (Element app : children(zone, "app")) {
            apps.add(readApp(app));
        }
        List<Element> proofKeys = children(root, "proof-key");
        ProofKeys keys = proofKeys.isEmpty() ? ProofKeys.none() : readProofKeys(proofKeys.get(0));
        return new DiscoveryDocument(attribute(zone, "name"), apps, keys);
    }

    private static Element chooseNetZone(List<Element> zones, String configured) throws DiscoveryException {
        if (zones.isEmpty()) {
            throw new DiscoveryException("discovery has no <net-zone>");
        }
        if (configured != null && !configured.isBlank()) {
            // An explicitly configured zone that is missing is a configuration error, not something to guess around.
            return zoneNamed(zones, configured.trim()).orElseThrow(() -> new DiscoveryException(
                    "net zone '" + configured + "' is not in discovery; available: " + zoneNames(zones)));
        }
        for (String preferred : NET_ZONE_PREFERENCE) {
            Optional<Element> zone = zoneNamed(zones, preferred);
            if (zone.isPresent()) {
                return zone.get();
            }
        }
        LOG.warn("No known net zone in discovery ({}); using the first one", zoneNames(zones));
        return zones.get(0);
    }

    private static Optional<Element> zoneNamed(List<Element> zones, String name) {
        return zones.stream().filter(z -> name.equalsIgnoreCase(attribute(z, "name"))).findFirst();
    }

    private static String zoneNames(List<Element> zones) {
        return zones.stream().map(z -> attribute(z, "name")).collect(Collectors.joining(", "));
    }

    private static WopiApp readApp(Element app) {
        String appName = attribute(app, "name");
        String favIconUrl = attribute(app, "favIconUrl");
        List<WopiAction> actions = new ArrayList<>();
        for (Element action : children(app, "action")) {
            String name = attribute(action, "name");
            String urlSrc = attribute(action, "urlsrc");
            if (name.isEmpty() || urlSrc.isEmpty()) {
                // An action without a name or URL cannot be invoked; skip it rather than refuse the whole discovery.
                LOG.warn("Skipping discovery action without name or urlsrc in app '{}'", appName);
                continue;
            }
            actions.add(new WopiAction(appName, favIconUrl, name, attribute(action, "ext"), attribute(action, "progid"),
                    requires(attribute(action, "requires")), urlSrc,
                    "true".equalsIgnoreCase(attribute(action, "default")), attribute(action, "targetext")));
        }
        return new WopiApp(appName, favIconUrl, "true".equalsIgnoreCase(attribute(app, "checkLicense")), actions);
    }

    private static Set<String> requires(String list) {
        Set<String> requires = new LinkedHashSet<>();
        Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).forEach(requires::add);
        return requires;
    }

    /**
     * A proof-key element that is present but unusable fails the whole document: treating it as "no key"
     * would silently switch proof checking off. The caller then keeps its last good copy.
     */
    private static ProofKeys readProofKeys(Element element) throws DiscoveryException {
        return new ProofKeys(readKey(element, ""), readKey(element, "old"));
    }

    private static ProofKey readKey(Element element, String prefix) throws DiscoveryException {
        String modulus = attribute(element, prefix + "modulus");
        String exponent = attribute(element, prefix + "exponent");
        String value = attribute(element, prefix + "value");
        try {
            // modulus/exponent is the form Microsoft documents for non-.NET hosts; when it is there we use it
            // and do not insist on the CSP blob, which some Collabora versions wrote incorrectly.
            if (!modulus.isEmpty() && !exponent.isEmpty()) {
                return ProofKey.fromModulusAndExponent(modulus, exponent);
            }
            if (!value.isEmpty()) {
                return ProofKey.fromCspBlob(value);
            }
            return null;
        } catch (IllegalArgumentException e) {
            throw new DiscoveryException("invalid " + (prefix.isEmpty() ? "current" : prefix) + " proof key: " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(localName(element))) {
                result.add(element);
            }
        }
        return result;
    }

    private static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }

    /** Attribute value trimmed, empty string when absent. */
    private static String attribute(Element element, String name) {
        return element.getAttribute(name).trim();
    }
}
