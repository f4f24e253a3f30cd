package org.wopihost.runtime;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.nuxeo.ecm.core.test.ServletContainerTransactionalFeature;
import org.nuxeo.ecm.platform.test.PlatformFeature;
import org.nuxeo.runtime.test.WorkingDirectoryConfigurator;
import org.nuxeo.runtime.test.runner.Deploy;
import org.nuxeo.runtime.test.runner.Features;
import org.nuxeo.runtime.test.runner.FeaturesRunner;
import org.nuxeo.runtime.test.runner.RunnerFeature;
import org.nuxeo.runtime.test.runner.RuntimeFeature;
import org.nuxeo.runtime.test.runner.RuntimeHarness;
import org.nuxeo.runtime.test.runner.ServletContainerFeature;
import org.wopihost.testclient.proof.TestKeys;

/**
 * A Nuxeo 2023 server with the add-on as a marketplace package installs it: a real repository, users
 * and ACLs (PlatformFeature), the key/value store, the JWT service and authentication filter, JSON
 * marshalling, web resources, an HTTP server on a free loopback port (ServletContainerFeature) with our
 * servlets mapped as the deployment fragment maps them, and our two bundles as built.
 * <p>
 * The test server's root webapp plays the WOPI client: it serves a discovery XML at
 * {@code /hosting/discovery}, which {@code nuxeo.wopi.discoveryURL} names. The nuxeo.conf keys are set
 * as system properties before the runtime starts (Nuxeo's framework properties default to them).
 * <p>
 * A test class annotated {@link ProofKeysInDiscovery} gets a WOPI client that publishes proof keys, as
 * Office does: then the host refuses every WOPI request not signed with them.
 */
@Features({ PlatformFeature.class, ServletContainerTransactionalFeature.class })
@Deploy("org.nuxeo.runtime.kv")
@Deploy("org.nuxeo.ecm.jwt")
@Deploy("org.nuxeo.ecm.core.io")
@Deploy("org.nuxeo.ecm.platform.web.common")
@Deploy("org.nuxeo.web.resources.core")
@Deploy("org.wopihost.nuxeo.core")
@Deploy("org.wopihost.nuxeo.web")
@Deploy("org.wopihost.nuxeo.runtime.tests:OSGI-INF/test-jwt-contrib.xml")
@Deploy("org.wopihost.nuxeo.runtime.tests:OSGI-INF/test-authentication-contrib.xml")
@Deploy("org.wopihost.nuxeo.runtime.tests:OSGI-INF/test-servlet-container-contrib.xml")
public class WopiHostFeature implements RunnerFeature, WorkingDirectoryConfigurator {

    public static final String DISCOVERY_PATH = "hosting/discovery";
    static final String DISCOVERY_URL_KEY = "nuxeo.wopi.discoveryURL";
    static final String NUXEO_URL_KEY = "nuxeo.url";

    /**
     * The test WOPI client's discovery publishes {@link TestKeys#CURRENT} and {@link TestKeys#OLD} as its
     * proof keys: every WOPI request must then be signed with them, as Office signs
     * ({@code OfficeSigner.signer(TestKeys.CURRENT, TestKeys.OLD)}).
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface ProofKeysInDiscovery {
    }

    private int port;

    private boolean proofKeys;

    private Path clientRoot;

    @Override
    public void initialize(FeaturesRunner runner) {
        runner.getFeature(RuntimeFeature.class).getHarness().addWorkingDirectoryConfigurator(this);
        port = runner.getFeature(ServletContainerFeature.class).getPort();
        proofKeys = !runner.getAnnotations(ProofKeysInDiscovery.class).isEmpty();
        System.setProperty(NUXEO_URL_KEY, baseUrl());
        System.setProperty(DISCOVERY_URL_KEY, baseUrl() + DISCOVERY_PATH);
    }

    @Override
    public void afterRun(FeaturesRunner runner) {
        System.clearProperty(NUXEO_URL_KEY);
        System.clearProperty(DISCOVERY_URL_KEY);
    }

    /** The test server's base URL, with a trailing slash: Nuxeo's URL and the WOPI client's. */
    public String baseUrl() {
        return "http://localhost:" + port + "/";
    }

    public int port() {
        return port;
    }

    /** The folder the test server's root webapp serves: the fake WOPI client's files. */
    public Path clientRoot() {
        return clientRoot;
    }

    @Override
    public void configure(RuntimeHarness harness, File workingDir) throws IOException {
        clientRoot = workingDir.toPath().resolve("web/root.war");
        Path discovery = clientRoot.resolve(DISCOVERY_PATH);
        Files.createDirectories(discovery.getParent());
        String proofKeyElement = proofKeys ? TestKeys.discoveryElement(TestKeys.CURRENT, TestKeys.OLD) : "";
        Files.writeString(discovery, discoveryXml(baseUrl(), proofKeyElement), StandardCharsets.UTF_8);
    }

    /** The test discovery XML with its action URLs on {@code clientBaseUrl} and an optional proof-key element. */
    public static String discoveryXml(String clientBaseUrl, String proofKeyElement) throws IOException {
        try (InputStream in = WopiHostFeature.class.getResourceAsStream("discovery.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@CLIENT@", clientBaseUrl)
                    .replace("@PROOF_KEY@", proofKeyElement);
        }
    }
}
