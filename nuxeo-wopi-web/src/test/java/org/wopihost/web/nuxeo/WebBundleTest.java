package org.wopihost.web.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.wopihost.nuxeo.NuxeoWopiConfig;

/** The web bundle: MANIFEST.MF, the auth chain and marshaller contributions, the deployment fragment. */
class WebBundleTest {

    @Test
    void everyComponentIsListedExistsAndNamesRealClassesOfTheRightType() throws Exception {
        BundleChecks.checkManifestAndComponents();
        assertThat(BundleChecks.listedComponents()).contains("OSGI-INF/wopihost-auth-contrib.xml",
                "OSGI-INF/wopihost-marshallers-contrib.xml");
    }

    @Test
    void theServletIsMappedOnOurPathNotNuxeos() throws Exception {
        Document doc = BundleChecks.parse(BundleChecks.RESOURCES.resolve("OSGI-INF/deployment-fragment.xml"));
        BundleChecks.checkClasses(doc, "deployment-fragment.xml");
        assertThat(BundleChecks.elements(doc, "url-pattern")).extracting(e -> e.getTextContent().trim())
                .containsOnly("/" + NuxeoWopiConfig.WOPI_PATH + "/*")
                .doesNotContain("/wopi/*", "/site/wopi/*");
    }

    @Test
    void theAuthChainIsOursJwtOnlyOnOurPath() throws Exception {
        Document doc = BundleChecks.parse(BundleChecks.RESOURCES.resolve("OSGI-INF/wopihost-auth-contrib.xml"));
        Element chain = BundleChecks.elements(doc, "specificAuthenticationChain").get(0);
        assertThat(chain.getAttribute("name")).isEqualTo("wopihost").isNotEqualTo("wopi");
        assertThat(BundleChecks.elements(doc, "plugin")).extracting(e -> e.getTextContent().trim())
                .containsExactly("JWT_AUTH");
        String url = BundleChecks.elements(doc, "url").get(0).getTextContent().trim();
        assertThat("/nuxeo/wopihost/files/ABC".matches(url)).isTrue();
        assertThat("/nuxeo/wopi/files/ABC".matches(url)).isFalse();
        assertThat("/nuxeo/site/wopi/files/ABC".matches(url)).isFalse();
    }
}
