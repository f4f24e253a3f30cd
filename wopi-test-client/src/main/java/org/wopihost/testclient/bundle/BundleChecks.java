package org.wopihost.testclient.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks a Nuxeo bundle's sources: META-INF/MANIFEST.MF and every OSGI-INF file, under
 * {@code src/main/resources} of the module whose tests run it (nuxeo-wopi-core and nuxeo-wopi-web). Classes
 * named there are loaded from the test's class path; nothing here depends on Nuxeo.
 */
public final class BundleChecks {

    /**
     * Every Nuxeo extension point we contribute to: target component -> points. The Nuxeo source
     * declaring each is listed in nuxeo-api-shim/README.md.
     */
    public static final Map<String, List<String>> KNOWN_POINTS = Map.of(
            "org.nuxeo.ecm.core.event.EventServiceComponent", List.of("listener"),
            "org.nuxeo.ecm.core.scheduler.SchedulerService", List.of("schedule"),
            "org.nuxeo.ecm.core.api.versioning.VersioningService", List.of("filters", "policies"),
            "org.nuxeo.ecm.core.io.MarshallerRegistry", List.of("marshallers"),
            "org.nuxeo.ecm.core.security.SecurityService", List.of("policies"),
            "org.nuxeo.ecm.platform.WebResources", List.of("resources", "bundles"),
            "org.nuxeo.ecm.platform.ui.web.auth.service.PluggableAuthenticationService",
            List.of("specificChains", "startURL"));

    /** Which supertype a class named by an element must have. */
    public static final Map<String, String> SUPERTYPE_BY_ELEMENT = Map.of(
            "implementation", "org.nuxeo.runtime.model.DefaultComponent",
            "listener", "org.nuxeo.ecm.core.event.EventListener",
            "filter", "org.nuxeo.ecm.core.versioning.VersioningPolicyFilter",
            "register", "org.nuxeo.ecm.core.io.marshallers.json.enrichers.AbstractJsonEnricher",
            "policy", "org.nuxeo.ecm.core.security.SecurityPolicy",
            "servlet-class", "jakarta.servlet.http.HttpServlet");

    /** Elements that name their class in their text rather than in a {@code class} attribute. */
    public static final List<String> CLASS_IN_TEXT = List.of("servlet-class");

    public static final Path RESOURCES = Path.of("src/main/resources");

    private BundleChecks() {
    }

    public static Manifest manifest() throws IOException {
        try (InputStream in = Files.newInputStream(RESOURCES.resolve("META-INF/MANIFEST.MF"))) {
            return new Manifest(in);
        }
    }

    public static List<String> listedComponents() throws IOException {
        String value = manifest().getMainAttributes().getValue("Nuxeo-Component");
        assertThat(value).as("Nuxeo-Component").isNotBlank();
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public static List<Path> osgiFiles() throws IOException {
        try (Stream<Path> files = Files.list(RESOURCES.resolve("OSGI-INF"))) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }

    public static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    public static List<Element> elements(Document doc, String name) {
        NodeList list = doc.getElementsByTagName(name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    public static void checkManifestAndComponents() throws Exception {
        Manifest mf = manifest();
        assertThat(mf.getMainAttributes().getValue("Bundle-SymbolicName")).startsWith("org.wopihost.");
        List<String> listed = listedComponents();
        for (String entry : listed) {
            assertThat(RESOURCES.resolve(entry)).as("listed component file").isRegularFile();
        }
        for (Path file : osgiFiles()) {
            String entry = "OSGI-INF/" + file.getFileName();
            if (file.getFileName().toString().equals("deployment-fragment.xml")) {
                assertThat(listed).as("the deployment fragment is not a component").doesNotContain(entry);
                continue;
            }
            assertThat(listed).as("component file listed in MANIFEST.MF").contains(entry);
            Document doc = parse(file);
            Element root = doc.getDocumentElement();
            assertThat(root.getTagName()).isEqualTo("component");
            assertThat(root.getAttribute("name")).as("our own component names").startsWith("org.wopihost.")
                    .doesNotStartWith("org.nuxeo.");
            for (Element ext : elements(doc, "extension")) {
                assertThat(KNOWN_POINTS).as("extension target of " + entry).containsKey(ext.getAttribute("target"));
                assertThat(KNOWN_POINTS.get(ext.getAttribute("target"))).as("extension point of " + entry)
                        .contains(ext.getAttribute("point"));
            }
            checkClasses(doc, entry);
            for (Element impl : elements(doc, "implementation")) {
                Class<?> c = Class.forName(impl.getAttribute("class"));
                for (Element provide : elements(doc, "provide")) {
                    assertThat(Class.forName(provide.getAttribute("interface"))).isInterface().isAssignableFrom(c);
                }
            }
        }
    }

    public static void checkClasses(Document doc, String entry) throws Exception {
        for (Map.Entry<String, String> e : SUPERTYPE_BY_ELEMENT.entrySet()) {
            for (Element el : elements(doc, e.getKey())) {
                // A versioning <policy> names no class (only a filter id): nothing to check there.
                String name = el.hasAttribute("class") ? el.getAttribute("class")
                        : CLASS_IN_TEXT.contains(e.getKey()) ? el.getTextContent().trim() : "";
                if (name.isEmpty()) {
                    continue;
                }
                Class<?> c = Class.forName(name);
                assertThat(Class.forName(e.getValue())).as(entry + ": " + name + " must be a " + e.getValue())
                        .isAssignableFrom(c);
                assertThat(c.getDeclaredConstructor()).as(name + " needs a public no-arg constructor").isNotNull();
                assertThat(java.lang.reflect.Modifier.isPublic(c.getDeclaredConstructor().getModifiers())).isTrue();
            }
        }
    }
}
