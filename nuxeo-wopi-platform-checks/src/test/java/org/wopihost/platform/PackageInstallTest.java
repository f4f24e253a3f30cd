package org.wopihost.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.nuxeo.connect.update.LocalPackage;
import org.nuxeo.connect.update.PackageException;
import org.nuxeo.launcher.config.ConfigurationConstants;
import org.nuxeo.launcher.config.ConfigurationGenerator;
import org.nuxeo.launcher.connect.ConnectBroker;

/**
 * Installs the two marketplace zips built by nuxeo-wopi-package with Nuxeo's own package manager
 * (ConnectBroker, what {@code nuxeoctl mp-install} and {@code mp-uninstall} run) into fake server homes
 * of Nuxeo LTS 2023 and LTS 2025, as an administrator would.
 */
public class PackageInstallTest {

    static final String VERSION = System.getProperty("project.version");

    /** The server versions: 2023's real one; 2025's assumed (not public; see docs/marketplace-package.md). */
    static final String LTS_2023 = "2023.6";

    static final String LTS_2025 = "2025.0";

    static final Path LTS_2023_ZIP = Path.of(System.getProperty("package.lts2023.zip"));

    static final Path LTS_2025_ZIP = Path.of(System.getProperty("package.lts2025.zip"));

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    FakeServerHome home;

    ConnectBroker broker;

    @After
    public void closeHome() {
        if (home != null) {
            home.close();
        }
    }

    @Test
    public void lts2023PackageInstallsOnLts2023AndItsUninstallRestoresTheHome() throws Exception {
        installAndUninstall(LTS_2023, LTS_2023_ZIP, "wopihost-nuxeo-lts2023");
    }

    @Test
    public void lts2025PackageInstallsOnLts2025AndItsUninstallRestoresTheHome() throws Exception {
        installAndUninstall(LTS_2025, LTS_2025_ZIP, "wopihost-nuxeo");
    }

    @Test
    public void lts2025PackageIsRefusedOnLts2023() throws Exception {
        refused(LTS_2023, LTS_2025_ZIP, "wopihost-nuxeo");
    }

    @Test
    public void lts2023PackageIsRefusedOnLts2025() throws Exception {
        refused(LTS_2025, LTS_2023_ZIP, "wopihost-nuxeo-lts2023");
    }

    @Test
    public void installingOursReplacesNuxeoWopi() throws Exception {
        openHome(LTS_2023);
        Map<String, String> before = home.contents();
        Path nuxeoWopi = NuxeoWopiPackage.build(tmp.newFolder().toPath(), LTS_2023);
        assertThat(install(nuxeoWopi)).as("nuxeo-wopi installed").isTrue();
        assertThat(installed()).containsExactly(NuxeoWopiPackage.NAME);

        assertThat(install(LTS_2023_ZIP)).as("our package installed over nuxeo-wopi").isTrue();

        assertThat(installed()).containsExactly("wopihost-nuxeo-lts2023");
        assertThat(bundles()).containsExactlyInAnyOrder(ourBundles());
        assertThat(uninstall("wopihost-nuxeo-lts2023")).isTrue();
        assertThat(home.contents()).isEqualTo(before);
    }

    @Test
    public void installingNuxeoWopiReplacesOurs() throws Exception {
        openHome(LTS_2023);
        Path nuxeoWopi = NuxeoWopiPackage.build(tmp.newFolder().toPath(), LTS_2023);
        assertThat(install(LTS_2023_ZIP)).isTrue();

        assertThat(install(nuxeoWopi)).as("nuxeo-wopi installed over our package").isTrue();

        assertThat(installed()).containsExactly(NuxeoWopiPackage.NAME);
        assertThat(bundles()).containsExactly(NuxeoWopiPackage.BUNDLE + LTS_2023 + ".jar");
        assertThat(templates()).doesNotContain("wopihost");
    }

    // ---------------------------------------------------------------- steps

    void installAndUninstall(String platform, Path zip, String name) throws Exception {
        openHome(platform);
        Map<String, String> before = home.contents();

        assertThat(install(zip)).as("mp-install %s", zip.getFileName()).isTrue();

        assertThat(installed()).containsExactly(name);
        assertThat(bundles()).containsExactlyInAnyOrder(ourBundles());
        for (String bundle : ourBundles()) {
            assertThat(home.home.resolve("nxserver/bundles/" + bundle)).as("the zip's %s, as built", bundle)
                                                                       .hasBinaryContent(entry(zip, "install/bundles/" + bundle));
        }
        // the platform-neutral engine and servlets are plain libraries, as the zip holds them (per platform)
        for (String library : ourLibraries()) {
            assertThat(home.home.resolve("nxserver/lib/" + library)).as("the zip's %s, as built", library)
                                                                   .hasBinaryContent(entry(zip, "install/lib/" + library));
        }
        assertThat(home.home.resolve("nxserver/lib/jutf7-1.0.0.jar")).isRegularFile();
        // the next start reads the template: its defaults are part of the server's configuration
        ConfigurationGenerator configuration = home.configuration();
        assertThat(templates()).anyMatch(t -> t.endsWith("wopihost"));
        assertThat(configuration.getUserConfig().getProperty("nuxeo.wopi.token.ttl")).isEqualTo("10h");

        assertThat(uninstall(name)).as("mp-uninstall %s", name).isTrue();

        assertThat(installed()).isEmpty();
        assertThat(home.contents()).as("the home after mp-uninstall").isEqualTo(before);
    }

    void refused(String platform, Path zip, String name) throws Exception {
        openHome(platform);
        Map<String, String> before = home.contents();

        assertThat(install(zip)).as("mp-install %s on %s", zip.getFileName(), platform).isFalse();

        assertThat(installed()).doesNotContain(name);
        assertThat(home.contents()).isEqualTo(before);
    }

    void openHome(String platformVersion) throws IOException, PackageException {
        home = FakeServerHome.create(tmp.newFolder("server").toPath(), "lts", platformVersion);
        broker = home.connectBroker();
    }

    /** nuxeoctl mp-install FILE */
    boolean install(Path zip) {
        return broker.pkgRequest(null, List.of(zip.toString()), null, null, true, false);
    }

    /** nuxeoctl mp-uninstall NAME */
    boolean uninstall(String name) {
        return broker.pkgRequest(null, null, List.of(name), null, true, false);
    }

    List<String> installed() {
        return broker.getPkgList().stream().filter(pkg -> pkg.getPackageState().isInstalled())
                     .map(LocalPackage::getName).toList();
    }

    List<String> bundles() throws IOException {
        try (var files = Files.list(home.home.resolve("nxserver/bundles"))) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    List<String> templates() {
        String templates = home.configuration().getUserConfig().getProperty(ConfigurationConstants.PARAM_TEMPLATES_NAME);
        return List.of(templates.split(","));
    }

    static String[] ourBundles() {
        return new String[] { "nuxeo-wopi-core-" + VERSION + ".jar", "nuxeo-wopi-web-" + VERSION + ".jar" };
    }

    static String[] ourLibraries() {
        return new String[] { "wopi-engine-" + VERSION + ".jar", "wopi-servlet-" + VERSION + ".jar" };
    }

    static byte[] entry(Path zip, String name) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry(name);
            assertThat(entry).as("%s in %s", name, zip.getFileName()).isNotNull();
            try (InputStream in = file.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }
}
