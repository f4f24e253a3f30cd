package org.wopihost.nuxeo.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.wopihost.testclient.bundle.BundleChecks;

/** The core bundle's MANIFEST.MF and OSGI-INF contributions. */
class CoreBundleTest {

    @Test
    void everyComponentIsListedExistsAndNamesRealClassesOfTheRightType() throws Exception {
        BundleChecks.checkManifestAndComponents();
        assertThat(BundleChecks.listedComponents()).contains("OSGI-INF/wopihost-service.xml",
                "OSGI-INF/wopihost-listeners-contrib.xml", "OSGI-INF/wopihost-scheduler-contrib.xml",
                "OSGI-INF/wopihost-versioning-contrib.xml", "OSGI-INF/wopihost-security-contrib.xml");
    }

    @Test
    void ourLockPolicyReplacesNuxeosLockPolicyAfterItIsRegistered() throws Exception {
        Document doc = BundleChecks.parse(BundleChecks.RESOURCES.resolve("OSGI-INF/wopihost-security-contrib.xml"));
        var policy = BundleChecks.elements(doc, "policy").get(0);
        // Same name and order as Nuxeo's (modules/core/nuxeo-core/.../OSGI-INF/security-policy-contrib.xml),
        // so ours runs instead of it, not in addition; our component loads after Nuxeo's.
        assertThat(policy.getAttribute("name")).isEqualTo("lock");
        assertThat(policy.getAttribute("order")).isEqualTo("10");
        assertThat(policy.getAttribute("class")).isEqualTo(org.wopihost.nuxeo.WopiLockSecurityPolicy.class.getName());
        assertThat(BundleChecks.elements(doc, "require")).extracting(e -> e.getTextContent().trim())
                .containsExactly("org.nuxeo.ecm.core.security.defaultPolicies");
    }

    @Test
    void theSchedulerFiresTheEventOurListenerHandles() throws Exception {
        Document scheduler = BundleChecks.parse(BundleChecks.RESOURCES.resolve("OSGI-INF/wopihost-scheduler-contrib.xml"));
        Document listeners = BundleChecks.parse(BundleChecks.RESOURCES.resolve("OSGI-INF/wopihost-listeners-contrib.xml"));
        String event = BundleChecks.elements(scheduler, "event").get(0).getTextContent().trim();
        assertThat(event).isEqualTo(org.wopihost.nuxeo.DiscoveryRefreshListener.EVENT);
        assertThat(BundleChecks.elements(listeners, "event")).extracting(e -> e.getTextContent().trim())
                .contains(event, "documentUnlocked");
    }

    @Test
    void theVersioningPolicyUsesOurFilterOutsideTheSystemRange() throws Exception {
        Document doc = BundleChecks.parse(BundleChecks.RESOURCES.resolve("OSGI-INF/wopihost-versioning-contrib.xml"));
        var policy = BundleChecks.elements(doc, "policy").get(0);
        assertThat(policy.getAttribute("increment")).isEqualTo("MINOR");
        assertThat(Integer.parseInt(policy.getAttribute("order"))).isGreaterThan(10);
        String filterId = BundleChecks.elements(doc, "filter-id").get(0).getTextContent().trim();
        assertThat(BundleChecks.elements(doc, "filter")).anyMatch(f -> f.getAttribute("id").equals(filterId));
    }
}
