package org.wopihost.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.nuxeo.ecm.web.resources.api.Resource;
import org.nuxeo.ecm.web.resources.api.ResourceBundle;
import org.nuxeo.ecm.web.resources.api.service.WebResourceManager;
import org.nuxeo.runtime.api.Framework;
import org.nuxeo.runtime.model.ComponentManager;
import org.nuxeo.runtime.model.ComponentName;
import org.nuxeo.runtime.test.runner.Features;
import org.nuxeo.runtime.test.runner.FeaturesRunner;
import org.wopihost.engine.WopiEngine;
import org.wopihost.nuxeo.WopiHostService;
import org.wopihost.web.WopiServlet;
import org.wopihost.web.nuxeo.NuxeoWopiServlet;

/**
 * Our bundles start on Nuxeo 2023 as a server would start them: every component of ours registered and
 * started, none pending on a component that does not exist, none contributing to an extension point
 * that does not exist (with nuxeo.start.strict=true either would abort the server).
 */
@RunWith(FeaturesRunner.class)
@Features(WopiHostFeature.class)
public class BundleDeploymentTest {

    @Inject
    protected WopiHostService service;

    private static boolean ours(ComponentName name) {
        return name.getName().startsWith("org.wopihost.nuxeo.") && !name.getName().contains(".runtime.tests");
    }

    @Test
    public void everyComponentOfOursIsResolvedAndStarted() {
        ComponentManager components = Framework.getRuntime().getComponentManager();
        Map<ComponentName, Set<ComponentName>> pending = components.getPendingRegistrations().entrySet().stream()
                .filter(e -> ours(e.getKey())).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals("components of ours waiting for components that do not exist", Map.of(), pending);
        Set<ComponentName> failed = components.getStartFailureRegistrations().stream().filter(
                BundleDeploymentTest::ours).collect(Collectors.toSet());
        assertEquals(Set.of(), failed);
        Set<String> missing = components.getMissingRegistrations().entrySet().stream()
                .filter(e -> ours(e.getKey())).map(e -> e.getKey() + " -> " + e.getValue())
                .collect(Collectors.toSet());
        assertEquals("contributions of ours to extension points that do not exist", Set.of(), missing);
        Set<String> resolved = components.getResolvedRegistrations().stream().filter(BundleDeploymentTest::ours)
                .map(ComponentName::getName).collect(Collectors.toSet());
        assertTrue(resolved.toString(), resolved.containsAll(Set.of("org.wopihost.nuxeo.WopiHostService",
                "org.wopihost.nuxeo.listeners", "org.wopihost.nuxeo.scheduler", "org.wopihost.nuxeo.security",
                "org.wopihost.nuxeo.versioning", "org.wopihost.nuxeo.auth", "org.wopihost.nuxeo.marshallers",
                "org.wopihost.nuxeo.webui")));
        assertNotNull(service.platform());
    }

    @Test
    public void theWebUiElementIsAWebUiResource() {
        WebResourceManager resources = Framework.getService(WebResourceManager.class);
        Resource element = resources.getResource("wopihost.html");
        assertNotNull("our element is registered", element);
        assertEquals("/ui/wopihost/wopihost.html", element.getURI());
        assertFalse("an HTML import must not be minified", element.isShrinkable());
        ResourceBundle webUi = resources.getResourceBundle("web-ui");
        assertNotNull(webUi);
        assertTrue(webUi.getResources().toString(), webUi.getResources().contains("wopihost.html"));
    }

    /** The jars this test runs are the LTS 2023 package's: the two bundles and the two libraries. */
    @Test
    public void theClassesComeFromTheJarsTheLts2023PackageShips() throws Exception {
        assertTrue(jarOf(WopiEngine.class), jarOf(WopiEngine.class).matches("wopi-engine-[0-9][^/]*\\.jar"));
        assertTrue(jarOf(WopiServlet.class), jarOf(WopiServlet.class).matches("wopi-servlet-[0-9][^/]*-lts2023\\.jar"));
        assertTrue(jarOf(WopiHostService.class), jarOf(WopiHostService.class).matches("nuxeo-wopi-core-[0-9][^/]*\\.jar"));
        assertTrue(jarOf(NuxeoWopiServlet.class),
                jarOf(NuxeoWopiServlet.class).matches("nuxeo-wopi-web-[0-9][^/]*-lts2023\\.jar"));
        assertEquals(javax.servlet.http.HttpServlet.class, WopiServlet.class.getSuperclass());
    }

    private static String jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
    }
}
