package org.wopihost.web.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.wopihost.nuxeo.NuxeoWopiConfig;
import org.wopihost.nuxeo.bundle.BundleChecks;

/** The web bundle: MANIFEST.MF, the auth chain and marshaller contributions, the deployment fragment. */
class WebBundleTest {

    @Test
    void everyComponentIsListedExistsAndNamesRealClassesOfTheRightType() throws Exception {
        BundleChecks.checkManifestAndComponents();
        assertThat(BundleChecks.listedComponents()).contains("OSGI-INF/wopihost-auth-contrib.xml",
                "OSGI-INF/wopihost-marshallers-contrib.xml", "OSGI-INF/wopihost-webui-contrib.xml");
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

    private static final java.nio.file.Path WAR = BundleChecks.RESOURCES.resolve("web/nuxeo.war");

    @Test
    void theWebUiElementIsCopiedIntoNuxeoWarAndRegisteredAsAWebUiResource() throws Exception {
        Document fragment = BundleChecks.parse(BundleChecks.RESOURCES.resolve("OSGI-INF/deployment-fragment.xml"));
        Element unzip = BundleChecks.elements(fragment, "unzip").get(0);
        assertThat(unzip.getAttribute("from")).isEqualTo("${bundle.fileName}");
        assertThat(unzip.getAttribute("prefix")).isEqualTo("web");
        assertThat(BundleChecks.elements(fragment, "include")).extracting(e -> e.getTextContent().trim())
                .containsExactly("web/nuxeo.war/**");

        Document contrib = BundleChecks.parse(BundleChecks.RESOURCES.resolve("OSGI-INF/wopihost-webui-contrib.xml"));
        assertThat(BundleChecks.elements(contrib, "require")).extracting(e -> e.getTextContent().trim())
                .containsExactly("org.nuxeo.web.ui.resources");
        Element resource = BundleChecks.elements(contrib, "resource").get(0);
        String uri = BundleChecks.elements(contrib, "uri").get(0).getTextContent().trim();
        assertThat(uri).startsWith("/ui/wopihost/");
        assertThat(WAR.resolve(uri.substring(1))).as("the file the resource names, as deployed").isRegularFile();
        assertThat(BundleChecks.elements(contrib, "bundle").get(0).getAttribute("name")).isEqualTo("web-ui");
        assertThat(BundleChecks.elements(contrib, "resources").get(0).getAttribute("append")).isEqualTo("true");
        assertThat(BundleChecks.elements(contrib, "resource")).extracting(e -> e.getTextContent().trim())
                .contains(resource.getAttribute("name"));
    }

    @Test
    void theElementSitsInTheBlobActionsSlotAndReadsOurEnricher() throws Exception {
        java.nio.file.Path html = WAR.resolve("ui/wopihost/wopihost.html");
        String markup = java.nio.file.Files.readString(html);
        // Well formed once wrapped (an HTML import has several top-level nodes).
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new java.io.StringReader("<root>" + markup + "</root>")));
        Element slot = BundleChecks.elements(doc, "nuxeo-slot-content").get(0);
        assertThat(slot.getAttribute("slot")).isEqualTo("BLOB_ACTIONS");
        assertThat(slot.getAttribute("name")).startsWith("wopihost");
        Element link = BundleChecks.elements(doc, "wopihost-open-link").get(0);
        assertThat(link.getAttribute("blob")).isEqualTo("[[blob]]");
        assertThat(link.getAttribute("document")).isEqualTo("[[document]]");
        String src = BundleChecks.elements(doc, "script").get(0).getAttribute("src");
        java.nio.file.Path js = html.resolveSibling(src);
        assertThat(js).isRegularFile();
        String code = java.nio.file.Files.readString(js);
        assertThat(code).contains("customElements.define('wopihost-open-link'")
                .contains("push('" + WopiJsonEnricher.NAME + "')")
                .contains("_blob." + WopiJsonEnricher.NAME)
                .contains("wopi." + WopiBlobLinks.APP_NAME)
                .contains("wopi." + WopiBlobLinks.VIEW)
                .contains("wopi." + WopiBlobLinks.EDIT)
                .doesNotContain("/wopi/"); // only the URLs the enricher gives (our /wopihost/ host pages)
    }
}
