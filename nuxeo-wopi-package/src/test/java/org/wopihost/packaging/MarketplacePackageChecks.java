package org.wopihost.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.wopihost.config.WopiSettings;

/**
 * Opens a built marketplace zip ({@code target/nuxeo-wopi-package-<version>-<platform>.zip}) and
 * checks it the way Nuxeo's package manager will read it; one subclass per platform. Runs with
 * failsafe, after the assembly.
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class MarketplacePackageChecks {

    static final String TEMPLATE = "wopihost";
    static final String ROOT = "${package.root}/";

    /**
     * Libraries a Nuxeo LTS 2025 server already ships (groupId:artifactId, * as wildcard); packaging
     * them again would put a second copy in nxserver/lib. Checked in nuxeo/nuxeo:
     * server/nuxeo-nxr-server/pom.xml (the server NXR, with nuxeo-platform-login-jwt),
     * modules/platform/login/nuxeo-platform-login-jwt/pom.xml (com.auth0:java-jwt, jackson-core,
     * jackson-databind), server/nuxeo-server-tomcat/src/main/assemble/assembly.xml (slf4j* and
     * log4j-* bridges moved to the Tomcat lib folder); the servlet API is the container's.
     */
    static final List<String> SHIPPED_BY_NUXEO = List.of(
            "org.nuxeo*:*",
            "com.auth0:java-jwt",
            "com.fasterxml.jackson*:*",
            "org.slf4j:*",
            "org.apache.logging.log4j:*",
            "jakarta.servlet:*",
            "javax.servlet:*");

    /** Commands of Nuxeo's installer (nuxeo-connect-standalone, task/standalone/commands and task/update). */
    static final Set<String> NUXEO_COMMANDS = Set.of("copy", "update", "config", "delete", "append", "deploy",
            "undeploy", "flush", "reload-core", "deploy-config", "undeploy-config", "install", "uninstall",
            "load-jar", "unload-jar", "parameterized-copy", "flush-jaas", "flush-coreproxy", "rollback");

    /** The platform-neutral jars, plain libraries in install/lib (%s: the version). */
    static final String ENGINE_JAR = "wopi-engine-%s.jar";
    static final String SERVLET_JAR = "wopi-servlet-%s.jar";

    /** The assembly id and zip classifier of the package under test: lts2025 or lts2023. */
    final String classifier;
    final String packageName;
    final String targetPlatformRange;
    /** The servlet API package the servlet jars (wopi-servlet, nuxeo-wopi-web) must refer to on this platform, and the other one. */
    final String servletPackage;
    final String otherServletPackage;

    Map<String, byte[]> zip;
    String version;
    Document packageXml;
    Document installXml;

    MarketplacePackageChecks(String classifier, String packageName, String targetPlatformRange, String servletPackage,
            String otherServletPackage) {
        this.classifier = classifier;
        this.packageName = packageName;
        this.targetPlatformRange = targetPlatformRange;
        this.servletPackage = servletPackage;
        this.otherServletPackage = otherServletPackage;
    }

    @BeforeAll
    void openZip() throws Exception {
        version = System.getProperty("project.version");
        Path path = Path.of(System.getProperty("marketplace.zip.prefix") + "-" + classifier + ".zip");
        assertThat(path).as("the marketplace zip built by the assembly").isRegularFile();
        zip = read(Files.newInputStream(path));
        packageXml = parseXml(entry("package.xml"));
        installXml = parseXml(entry("install.xml"));
    }

    // ---------------------------------------------------------------- layout

    @Test
    void layoutIsTheOneNuxeosPackageManagerReads() {
        assertThat(zip.keySet()).contains("package.xml", "install.xml",
                "install/templates/" + TEMPLATE + "/nuxeo.defaults");
        assertThat(filesUnder("install/bundles/")).containsExactlyInAnyOrder(
                "nuxeo-wopi-core-" + version + ".jar", "nuxeo-wopi-web-" + version + ".jar");
        assertThat(filesUnder("install/lib/")).contains(ENGINE_JAR.formatted(version), SERVLET_JAR.formatted(version))
                .anyMatch(name -> name.matches("jutf7-[0-9].*\\.jar"));
        assertThat(zip.keySet()).allMatch(name -> name.equals("package.xml") || name.equals("install.xml")
                || name.matches("install/(bundles|lib)/[^/]+\\.jar")
                || name.startsWith("install/templates/" + TEMPLATE + "/"),
                "package.xml, install.xml, install/bundles/*.jar, install/lib/*.jar or install/templates/"
                        + TEMPLATE + "/*");
    }

    @Test
    void jarsThatTheUpdateCommandInstallsCarryAVersionInTheirName() {
        // Nuxeo's update command refuses a file whose name has no version (JarUtils.findJarVersion).
        for (String dir : updatedDirectories()) {
            assertThat(filesUnder(dir + "/")).isNotEmpty()
                    .allMatch(name -> name.matches(".+-[0-9][^/]*\\.jar"), "versioned jar name");
        }
    }

    // ---------------------------------------------------------------- package.xml

    @Test
    void packageXmlNamesOurPackageAndConflictsWithNuxeosWopiAddOn() {
        Element root = packageXml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("package");
        assertThat(root.getAttribute("name")).isEqualTo(packageName).isNotEqualTo("nuxeo-wopi");
        assertThat(root.getAttribute("type")).isEqualTo("addon");
        assertThat(root.getAttribute("version")).isEqualTo(version);
        assertThat(texts(packageXml, "conflicts/package")).as("declared conflicts")
                .anyMatch(dep -> dep.split(":", 2)[0].equals("nuxeo-wopi"));
        assertThat(texts(packageXml, "title")).singleElement().asString().isNotBlank();
        assertThat(texts(packageXml, "description")).singleElement().asString().isNotBlank();
        assertThat(texts(packageXml, "vendor")).singleElement().asString().isNotBlank();
        assertThat(texts(packageXml, "license")).containsExactly("Apache License, Version 2.0");
        assertThat(texts(packageXml, "license-url")).containsExactly("https://www.apache.org/licenses/LICENSE-2.0");
        assertThat(entry("package.xml")).doesNotContain("${", "@VERSION@");
    }

    @Test
    void packageXmlTargetsEveryReleaseOfItsLtsAndNoOther() {
        // PackageDefinitionImpl reads target-platform/name and target-platform/version (a Maven-like
        // range); TargetPlatformFilterHelper compares the name ignoring case and the version against the
        // range. Nuxeo's package manager itself installs the zips in PackageInstallTest (platform checks).
        assertThat(texts(packageXml, "target-platform/name")).containsExactly("lts");
        assertThat(texts(packageXml, "target-platform/version")).containsExactly(targetPlatformRange);
    }

    @Test
    void packageXmlInstallsAfterWebUiWhenBothAreInstalled() {
        assertThat(texts(packageXml, "optional-dependencies/package")).containsExactly("nuxeo-web-ui");
        assertThat(texts(packageXml, "dependencies/package")).isEmpty();
    }

    // ---------------------------------------------------------------- install.xml

    @Test
    void installXmlUsesOnlyNuxeoInstallCommands() {
        Element root = installXml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("install");
        assertThat(commands()).isNotEmpty().allSatisfy(cmd -> assertThat(NUXEO_COMMANDS).contains(cmd.getTagName()));
    }

    @Test
    void installXmlAndPackageXmlTogetherNameEveryFileOfTheZip() {
        List<String> named = namedPaths();
        // every path a command names exists in the zip, as a file or a folder
        for (String path : named) {
            assertThat(zip.keySet()).as("install.xml names %s", path)
                    .anyMatch(name -> name.equals(path) || name.startsWith(path + "/"));
        }
        // every file of the zip is a manifest or is named by a command
        Set<String> unnamed = new TreeSet<>();
        for (String name : zip.keySet()) {
            boolean covered = name.equals("package.xml") || name.equals("install.xml")
                    || named.stream().anyMatch(path -> name.equals(path) || name.startsWith(path + "/"));
            if (!covered) {
                unnamed.add(name);
            }
        }
        assertThat(unnamed).as("files no install command installs").isEmpty();
    }

    @Test
    void installXmlPutsEachPartInItsServerFolderAndEnablesTheTemplate() {
        Map<String, String> targets = new HashMap<>();
        for (Element cmd : commands()) {
            String source = sourceOf(cmd);
            if (source != null) {
                targets.put(source, cmd.getTagName() + " -> " + cmd.getAttribute("todir"));
            }
        }
        assertThat(targets).containsEntry("install/bundles", "update -> ${env.bundles}")
                .containsEntry("install/lib", "update -> ${env.lib}");
        // the template is enabled where the package store keeps it: nothing is copied into templates/,
        // so uninstalling leaves no empty folder there; nothing else touches nuxeo.conf
        List<String> added = commands().stream().filter(cmd -> cmd.getTagName().equals("config"))
                .map(cmd -> cmd.getAttribute("addtemplate")).toList();
        assertThat(added).containsExactly(ROOT + "install/templates/" + TEMPLATE);
        assertThat(zip.keySet()).contains("install/templates/" + TEMPLATE + "/nuxeo.defaults");
        assertThat(commands()).noneMatch(cmd -> cmd.getTagName().equals("copy"));
        assertThat(commands()).noneMatch(cmd -> cmd.getTagName().equals("config") && !cmd.getAttribute("set").isEmpty());
    }

    // ---------------------------------------------------------------- what the jars hold

    @Test
    void noNuxeoClassIsInsideAnyJar() throws IOException {
        for (String name : jars()) {
            assertThat(name).doesNotContain("nuxeo-api-shim");
            Map<String, byte[]> jar = read(new ByteArrayInputStream(zip.get(name)));
            assertThat(jar.keySet()).as("entries of %s", name).noneMatch(e -> e.startsWith("org/nuxeo/"));
        }
    }

    @Test
    void noLibraryThatNuxeoShipsIsPackaged() throws IOException {
        Map<String, String> coordinatesByFile = runtimeDependenciesByFileName();
        for (String file : filesUnder("install/lib/")) {
            String coordinates = coordinatesByFile.get(file);
            assertThat(coordinates).as("%s is a runtime dependency of the bundles", file).isNotNull();
            assertThat(shippedByNuxeo(coordinates)).as("%s ships with Nuxeo", coordinates).isFalse();
        }
        assertThat(filesUnder("install/lib/")).noneMatch(f -> f.matches(
                "(java-jwt|jackson-.*|slf4j-.*|log4j-.*|nuxeo-.*|jakarta\\.servlet-api)-[0-9].*\\.jar"));
    }

    @Test
    void everyRuntimeDependencyOfTheBundlesIsPackagedOrShippedByNuxeo() throws IOException {
        Set<String> lib = new TreeSet<>(filesUnder("install/lib/"));
        List<String> neither = new ArrayList<>();
        runtimeDependenciesByFileName().forEach((file, coordinates) -> {
            if (!coordinates.startsWith("org.wopihost:") && !lib.contains(file) && !shippedByNuxeo(coordinates)) {
                neither.add(coordinates);
            }
        });
        assertThat(neither).as("runtime dependencies neither packaged in install/lib (assembly allow list) nor in"
                + " SHIPPED_BY_NUXEO: decide which, for each").isEmpty();
    }

    @Test
    void everyJarOfOursThatTheBundlesNeedIsPackaged() throws IOException {
        // Ours, in either variant (the lts2023 one is packaged under the plain name), as a bundle or a library.
        Set<String> packaged = new TreeSet<>(filesUnder("install/bundles/"));
        packaged.addAll(filesUnder("install/lib/"));
        String variant = "-" + System.getProperty("lts2023.classifier") + ".jar";
        Set<String> ours = new TreeSet<>();
        runtimeDependenciesByFileName().forEach((file, coordinates) -> {
            if (coordinates.startsWith("org.wopihost:")) {
                ours.add(file.replace(variant, ".jar"));
            }
        });
        assertThat(ours).as("our jars in the bundles' runtime closure").contains(ENGINE_JAR.formatted(version),
                SERVLET_JAR.formatted(version));
        assertThat(packaged).containsAll(ours);
    }

    @Test
    void everyPackageLivesInOneJarAndTheBundlesHoldOnlyTheNuxeoBinding() {
        Map<String, String> jarByPackage = new TreeMap<>();
        for (String name : jars()) {
            for (String entry : jar(name).keySet()) {
                if (entry.startsWith("org/wopihost/") && entry.endsWith(".class")) {
                    String pkg = entry.substring(0, entry.lastIndexOf('/'));
                    String other = jarByPackage.putIfAbsent(pkg, name);
                    assertThat(other == null || other.equals(name)).as("%s split across %s and %s", pkg, other, name)
                            .isTrue();
                }
            }
        }
        assertThat(jarByPackage).containsEntry("org/wopihost/engine", "install/lib/" + ENGINE_JAR.formatted(version))
                .containsEntry("org/wopihost/web", "install/lib/" + SERVLET_JAR.formatted(version));
        jarByPackage.forEach((pkg, jar) -> {
            if (jar.startsWith("install/bundles/")) {
                assertThat(pkg).as("a package of bundle %s", jar).matches("org/wopihost/(nuxeo|web/nuxeo)(/.*)?");
            }
        });
    }

    @Test
    void jarsThatUseTheServletApiUseTheirPlatformsAndTheEngineUsesNone() {
        for (String name : List.of("install/bundles/nuxeo-wopi-web-" + version + ".jar",
                "install/lib/" + SERVLET_JAR.formatted(version))) {
            assertThat(classBytes(name)).as(name).contains(servletPackage + "/http/HttpServletRequest")
                    .doesNotContain(otherServletPackage + "/");
        }
        assertThat(classBytes("install/lib/" + ENGINE_JAR.formatted(version))).doesNotContain("javax/servlet/",
                "jakarta/servlet/");
    }

    /** Every class file of a jar of the zip, concatenated as ISO-8859-1 text (class names are ASCII). */
    String classBytes(String jarName) {
        return jar(jarName).entrySet().stream().filter(e -> e.getKey().endsWith(".class"))
                .map(e -> new String(e.getValue(), StandardCharsets.ISO_8859_1)).collect(Collectors.joining());
    }

    // ---------------------------------------------------------------- configuration template

    @Test
    void templateDeclaresItsOwnTarget() throws IOException {
        Properties defaults = new Properties();
        defaults.load(new StringReader(nuxeoDefaults()));
        assertThat(defaults.getProperty(TEMPLATE + ".target")).isEqualTo(".");
    }

    @Test
    void everyKeyTheCodeReadsIsDocumentedInNuxeoDefaults() throws Exception {
        Set<String> keys = keysTheCodeReads();
        assertThat(keys).as("keys found in the packaged bundles").contains("nuxeo.jwt.secret", "nuxeo.wopi.baseURL");
        String defaults = nuxeoDefaults();
        for (String key : keys) {
            Matcher line = Pattern.compile("(?m)^#?" + Pattern.quote(key) + "=.*$").matcher(defaults);
            assertThat(line.find()).as("%s set or shown commented out in nuxeo.defaults", key).isTrue();
            assertThat(explained(defaults.substring(0, line.start()))).as("a ## comment explains %s", key).isTrue();
        }
    }

    @Test
    void valuesSetInTheTemplateAreTheCodesDefaults() throws IOException {
        Properties defaults = new Properties();
        defaults.load(new StringReader(nuxeoDefaults()));
        Map<String, String> set = new TreeMap<>();
        for (String key : defaults.stringPropertyNames()) {
            if (key.startsWith("nuxeo.")) {
                set.put(key, defaults.getProperty(key));
            }
        }
        assertThat(set).as("keys the template sets").isNotEmpty()
                .doesNotContainKeys("nuxeo.url", "nuxeo.jwt.secret", "nuxeo.wopi.baseURL", "nuxeo.wopi.discoveryURL");
        String url = "http://localhost:8080/nuxeo";
        assertThat(WopiSettings.from(set, "wopi", url)).isEqualTo(WopiSettings.from(Map.of(), "wopi", url));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * ConfigKeys.ALL, read from the packaged engine jar, plus every public static final String
     * constant starting with "nuxeo." of the packages org.wopihost.config and org.wopihost.nuxeo
     * (and below) in the packaged jars: keys the Nuxeo binding adds are checked without
     * listing them here.
     */
    Set<String> keysTheCodeReads() throws Exception {
        Set<String> keys = new TreeSet<>();
        Path engine = Files.createTempFile("wopi-engine", ".jar");
        try {
            Files.write(engine, zip.get("install/lib/" + ENGINE_JAR.formatted(version)));
            try (URLClassLoader loader = new URLClassLoader(new URL[] {engine.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader())) {
                Field all = loader.loadClass("org.wopihost.config.ConfigKeys").getField("ALL");
                for (Object key : (Collection<?>) all.get(null)) {
                    keys.add((String) key);
                }
            }
        } finally {
            Files.delete(engine);
        }
        assertThat(keys).as("ConfigKeys.ALL").isNotEmpty();
        for (String name : jars()) {
            Map<String, byte[]> jar = jar(name);
            for (Map.Entry<String, byte[]> e : jar.entrySet()) {
                String path = e.getKey();
                if ((path.startsWith("org/wopihost/config/") || path.startsWith("org/wopihost/nuxeo/"))
                        && path.endsWith(".class")) {
                    ClassConstants.publicStringConstants(e.getValue()).stream()
                            .filter(value -> value.startsWith("nuxeo."))
                            .forEach(keys::add);
                }
            }
        }
        return keys;
    }

    /**
     * Whether the text before a key's line ends with a "##" comment, over the lines of the keys
     * documented together with it (a block without a blank line).
     */
    static boolean explained(String before) {
        String[] lines = before.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String l = lines[i].trim();
            if (l.startsWith("##")) {
                return true;
            }
            if (l.isEmpty()) {
                return false;
            }
        }
        return false;
    }

    static boolean shippedByNuxeo(String coordinates) {
        String[] ga = coordinates.split(":");
        return SHIPPED_BY_NUXEO.stream().anyMatch(pattern -> {
            String[] p = pattern.split(":");
            return glob(p[0]).matcher(ga[0]).matches() && glob(p[1]).matcher(ga[1]).matches();
        });
    }

    static Pattern glob(String glob) {
        return Pattern.compile(Pattern.quote(glob).replace("*", "\\E.*\\Q"));
    }

    /**
     * The bundles' runtime dependencies, written by maven-dependency-plugin:list
     * ("group:artifact:type[:classifier]:version:scope"), keyed by the file name the assembly
     * gives them.
     */
    static Map<String, String> runtimeDependenciesByFileName() throws IOException {
        Map<String, String> byFile = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of(System.getProperty("runtime.dependencies")))) {
            String token = line.trim().split("\\s+")[0];
            String[] parts = token.split(":");
            if (parts.length < 5 || parts.length > 6) {
                continue;
            }
            String group = parts[0];
            String artifact = parts[1];
            String type = parts[2];
            String classifier = parts.length == 6 ? "-" + parts[3] : "";
            String depVersion = parts[parts.length - 2];
            byFile.put(artifact + "-" + depVersion + classifier + "." + type, group + ":" + artifact);
        }
        assertThat(byFile).as("runtime dependencies listed").isNotEmpty();
        return byFile;
    }

    List<Element> commands() {
        List<Element> commands = new ArrayList<>();
        for (Node n = installXml.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                commands.add(e);
            }
        }
        return commands;
    }

    /**
     * The package path a command installs or enables (its file, dir or addtemplate attribute under
     * ${package.root}), or null.
     */
    static String sourceOf(Element cmd) {
        String dir = cmd.getAttribute("dir");
        String file = cmd.getAttribute("file");
        String path = dir.isEmpty() ? file : file.isEmpty() ? dir : dir + "/" + file;
        if (path.isEmpty()) {
            path = cmd.getAttribute("addtemplate");
        }
        if (!path.startsWith(ROOT)) {
            return null;
        }
        return path.substring(ROOT.length()).replaceAll("/+$", "");
    }

    List<String> namedPaths() {
        return commands().stream().map(MarketplacePackageChecks::sourceOf).filter(p -> p != null).toList();
    }

    List<String> updatedDirectories() {
        return commands().stream().filter(cmd -> cmd.getTagName().equals("update"))
                .map(MarketplacePackageChecks::sourceOf).filter(p -> p != null && !p.endsWith(".jar")).toList();
    }

    List<String> filesUnder(String folder) {
        return zip.keySet().stream().filter(name -> name.startsWith(folder))
                .map(name -> name.substring(folder.length())).filter(name -> !name.contains("/")).toList();
    }

    List<String> jars() {
        return zip.keySet().stream().filter(name -> name.endsWith(".jar")).toList();
    }

    String nuxeoDefaults() {
        return entry("install/templates/" + TEMPLATE + "/nuxeo.defaults");
    }

    String entry(String name) {
        byte[] bytes = zip.get(name);
        assertThat(bytes).as("zip entry %s", name).isNotNull();
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Every file entry of a jar of the zip. */
    Map<String, byte[]> jar(String name) {
        assertThat(zip).as("zip entries").containsKey(name);
        try {
            return read(new ByteArrayInputStream(zip.get(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> texts(Document doc, String path) {
        List<Element> level = List.of(doc.getDocumentElement());
        for (String step : path.split("/")) {
            List<Element> next = new ArrayList<>();
            for (Element e : level) {
                NodeList children = e.getChildNodes();
                for (int i = 0; i < children.getLength(); i++) {
                    if (children.item(i) instanceof Element child && child.getTagName().equals(step)) {
                        next.add(child);
                    }
                }
            }
            level = next;
        }
        return level.stream().map(e -> e.getTextContent().trim()).toList();
    }

    /** Reads every file entry of a zip or jar; folders are left out. */
    static Map<String, byte[]> read(InputStream in) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zin = new ZipInputStream(in)) {
            for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                if (!e.isDirectory()) {
                    entries.put(e.getName(), zin.readAllBytes());
                }
            }
        }
        return entries;
    }

    static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
