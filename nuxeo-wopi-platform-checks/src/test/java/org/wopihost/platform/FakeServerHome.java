package org.wopihost.platform;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.nuxeo.common.Environment;
import org.nuxeo.connect.NuxeoConnectClient;
import org.nuxeo.connect.connector.fake.AbstractFakeConnector;
import org.nuxeo.connect.update.PackageException;
import org.nuxeo.launcher.config.ConfigurationConstants;
import org.nuxeo.launcher.config.ConfigurationGenerator;
import org.nuxeo.launcher.connect.ConnectBroker;

/**
 * A Nuxeo server home reduced to what {@code nuxeoctl} reads when it installs packages: bin/nuxeo.conf,
 * templates/nuxeo.defaults and the default template, the distribution the server declares
 * (templates/common/config/distribution.properties, as Nuxeo's server assembly writes it) and the
 * folders packages install into. {@link #connectBroker()} makes the package manager the way
 * {@code NuxeoLauncher} does: from the launcher's configuration of this home.
 */
final class FakeServerHome implements AutoCloseable {

    final Path home;

    private FakeServerHome(Path home) {
        this.home = home;
    }

    /** A server home declaring itself as Nuxeo distribution {@code name}, version {@code version}. */
    static FakeServerHome create(Path home, String name, String version) throws IOException {
        write(home.resolve("bin/nuxeo.conf"), "nuxeo.templates=default\n");
        write(home.resolve("templates/nuxeo.defaults"), "nuxeo.templates=default\n");
        write(home.resolve("templates/default/nuxeo.defaults"), "default.target=.\n");
        write(home.resolve("templates/common/config/distribution.properties"),
                Environment.DISTRIBUTION_NAME + "=" + name + "\n" //
                        + Environment.DISTRIBUTION_VERSION + "=" + version + "\n" //
                        + Environment.DISTRIBUTION_SERVER + "=tomcat\n");
        Files.createDirectories(home.resolve("nxserver/bundles"));
        Files.createDirectories(home.resolve("nxserver/lib"));
        Files.createDirectories(home.resolve("nxserver/config"));
        return new FakeServerHome(home);
    }

    /**
     * Nuxeo's package manager for this home, as {@code nuxeoctl mp-install --accept=true} uses it: the
     * launcher's Environment of this home, no question asked, target platform never relaxed. The
     * marketplace catalog is empty (no Nuxeo Online Services here): local zips only.
     */
    ConnectBroker connectBroker() throws IOException, PackageException {
        System.setProperty(Environment.NUXEO_HOME, home.toString());
        System.setProperty(ConfigurationConstants.PARAM_NUXEO_CONF, home.resolve("bin/nuxeo.conf").toString());
        System.setProperty(ConfigurationConstants.TOMCAT_HOME, home.toString());
        Environment.setDefault(null);
        NuxeoConnectClient.getConnectGatewayComponent().setTestConnector(new EmptyCatalog());
        ConfigurationGenerator launcherConfiguration = ConfigurationGenerator.builder().init(true).build();
        Environment env = launcherConfiguration.getEnv();
        Environment.setDefault(env);
        ConnectBroker broker = new ConnectBroker(env);
        broker.setPendingFile(env.getData().toPath().resolve("installAfterRestart.log"));
        broker.setAccept("true");
        broker.setRelax("false");
        return broker;
    }

    /** The launcher's configuration of this home as a start would read it (nuxeo.conf plus templates). */
    ConfigurationGenerator configuration() {
        return ConfigurationGenerator.builder().init(true).build();
    }

    /**
     * Every file (with its content) and every folder of the home but the package manager's own
     * folder (packages/: its store, the packages' state, backups and uninstall commands).
     */
    Map<String, String> contents() throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                String name = home.relativize(path).toString().replace('\\', '/');
                if (name.isEmpty() || name.equals("packages") || name.startsWith("packages/")) {
                    continue;
                }
                contents.put(name, Files.isDirectory(path) ? "<folder>" : Files.readString(path, ISO_8859_1));
            }
        }
        return contents;
    }

    @Override
    public void close() {
        System.clearProperty(Environment.NUXEO_HOME);
        System.clearProperty(ConfigurationConstants.PARAM_NUXEO_CONF);
        System.clearProperty(ConfigurationConstants.TOMCAT_HOME);
        Environment.setDefault(null);
        NuxeoConnectClient.getConnectGatewayComponent().setTestConnector(null);
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, UTF_8);
    }

    /** Nuxeo Online Services answering that it offers no package: only local zips can be installed. */
    static final class EmptyCatalog extends AbstractFakeConnector {

        @Override
        protected String getJSONDataForStatus() {
            return "{ contractStatus : 'active', endDate : '10/12/2040'}";
        }

        @Override
        protected String getJSONDataForDownloads(String type) {
            return "[]";
        }

        @Override
        protected String getJSONDataForDownload(String pkgId) {
            return null;
        }
    }
}
