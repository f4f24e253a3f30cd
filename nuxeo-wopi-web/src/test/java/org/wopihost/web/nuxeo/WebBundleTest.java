package org.wopihost.web.nuxeo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.wopihost.nuxeo.NuxeoWopiConfig;
import org.wopihost.testclient.bundle.BundleChecks;

/** The web bundle: MANIFEST.MF, the auth chain and marshaller contributions, the deployment fragment. */
class WebBundleTest {

    @Test
    void everyComponentIsListedExistsAndNamesRealClassesOfTheRightType() throws Exception {
        BundleChecks.checkManifestAndComponents();
        assertThat(BundleChecks.listedComponents()).contains("OSGI-INF/wopihost-auth-contrib.xml",
                "OSGI-INF/wopihost-marshallers-contrib.xml", "OSGI-INF/wopihost-webui-contrib.xml");
    }

    private static final String WOPI = "/" + NuxeoWopiConfig.WOPI_PATH;

    @Test
    void theServletsAreMappedOnOurPathNotNuxeos() throws Exception {
        Document doc = BundleChecks.parse(BundleChecks.RESOURCES.resolve("OSGI-INF/deployment-fragment.xml"));
        BundleChecks.checkClasses(doc, "deployment-fragment.xml");
        assertThat(BundleChecks.elements(doc, "url-pattern")).extracting(e -> e.getTextContent().trim())
                .containsOnly(WOPI + "/*", WOPI + "/view/*", WOPI + "/edit/*", WOPI + "/doctor", WOPI + "/release/*")
                .doesNotContain("/wopi/*", "/site/wopi/*");
    }

    /** servlet-name -> its url-patterns, and servlet-name -> class, from the web#SERVLET extension. */
    private static java.util.Map<String, java.util.List<String>> mappings(Document doc) {
        java.util.Map<String, java.util.List<String>> byName = new java.util.TreeMap<>();
        for (Element m : BundleChecks.elements(doc, "servlet-mapping")) {
            String name = m.getElementsByTagName("servlet-name").item(0).getTextContent().trim();
            String url = m.getElementsByTagName("url-pattern").item(0).getTextContent().trim();
            byName.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(url);
        }
        return byName;
    }

    private static String servletClass(Document doc, String servletName) {
        for (Element s : BundleChecks.elements(doc, "servlet")) {
            if (s.getElementsByTagName("servlet-name").item(0).getTextContent().trim().equals(servletName)) {
                return s.getElementsByTagName("servlet-class").item(0).getTextContent().trim();
            }
        }
        throw new AssertionError("no servlet " + servletName);
    }

    @Test
    void theHostPagesAreServedByTheirOwnServletOnViewAndEdit() throws Exception {
        Document doc = BundleChecks.parse(BundleChecks.RESOURCES.resolve("OSGI-INF/deployment-fragment.xml"));
        java.util.Map<String, java.util.List<String>> byName = mappings(doc);
        String page = byName.entrySet().stream()
                .filter(e -> servletClass(doc, e.getKey()).equals(NuxeoHostPageServlet.class.getName()))
                .map(java.util.Map.Entry::getKey).findFirst().orElseThrow();
        assertThat(byName.get(page)).containsExactlyInAnyOrder(WOPI + "/view/*", WOPI + "/edit/*");
        String endpoints = byName.entrySet().stream()
                .filter(e -> servletClass(doc, e.getKey()).equals(NuxeoWopiServlet.class.getName()))
                .map(java.util.Map.Entry::getKey).findFirst().orElseThrow();
        assertThat(byName.get(endpoints)).containsExactly(WOPI + "/*");
        // Nuxeo instantiates it by reflection (the fragment's servlet-class).
        Class<?> c = Class.forName(servletClass(doc, page));
        assertThat(jakarta.servlet.http.HttpServlet.class).isAssignableFrom(c);
        assertThat(java.lang.reflect.Modifier.isPublic(c.getConstructor().getModifiers())).isTrue();
        // Nuxeo's authentication filter sees every host page (covered by the /wopihost/* filter mapping).
        assertThat(BundleChecks.elements(doc, "filter-mapping")).anySatisfy(m -> {
            assertThat(m.getElementsByTagName("filter-name").item(0).getTextContent().trim())
                    .isEqualTo("NuxeoAuthenticationFilter");
            assertThat(m.getElementsByTagName("url-pattern").item(0).getTextContent().trim()).isEqualTo(WOPI + "/*");
        });
    }

    @Test
    void theHostPagesGetNuxeosDefaultChainAndAreStartUrls() throws Exception {
        Document doc = BundleChecks.parse(BundleChecks.RESOURCES.resolve("OSGI-INF/wopihost-auth-contrib.xml"));
        // Nuxeo: PluggableAuthenticationService#getSpecificAuthChainName, Pattern.matcher(requestURI).matches().
        for (Element url : BundleChecks.elements(doc, "url")) {
            java.util.regex.Pattern p = java.util.regex.Pattern.compile(url.getTextContent().trim());
            for (String uri : java.util.List.of("/nuxeo" + WOPI + "/view/ABC", "/nuxeo" + WOPI + "/edit/ABC",
                    WOPI + "/view/ABC", WOPI + "/edit/ABC", "/ctx/sub" + WOPI + "/edit/ABC", WOPI + "/release/ABC")) {
                assertThat(p.matcher(uri).matches()).as("%s must not take the JWT-only chain", uri).isFalse();
            }
        }
        // After the login page Nuxeo sends the user back only to URLs starting with a startURL pattern,
        // compared with servlet path + path info without its leading slash.
        assertThat(BundleChecks.elements(doc, "pattern")).extracting(e -> e.getTextContent().trim())
                .containsExactlyInAnyOrder(NuxeoWopiConfig.WOPI_PATH + "/view/", NuxeoWopiConfig.WOPI_PATH + "/edit/",
                        NuxeoWopiConfig.WOPI_PATH + "/release/");
        Element startUrl = (Element) BundleChecks.elements(doc, "startURLPattern").get(0).getParentNode();
        assertThat(startUrl.getAttribute("point")).isEqualTo("startURL");
    }

    @Test
    void theAuthChainIsOursJwtOnlyOnOurPath() throws Exception {
        Document doc = BundleChecks.parse(BundleChecks.RESOURCES.resolve("OSGI-INF/wopihost-auth-contrib.xml"));
        Element chain = BundleChecks.elements(doc, "specificAuthenticationChain").get(0);
        assertThat(chain.getAttribute("name")).isEqualTo("wopihost").isNotEqualTo("wopi");
        // Nuxeo: NuxeoAuthenticationFilter#handleLoginPrompt answers 401 only when the chain says so
        // (AuthenticationChainTest, in a real Nuxeo).
        assertThat(chain.getAttribute("handlePrompt")).isEqualTo("false");
        assertThat(BundleChecks.elements(doc, "plugin")).extracting(e -> e.getTextContent().trim())
                .containsExactly("JWT_AUTH");
        assertThat(BundleChecks.elements(doc, "url")).hasSize(1);
        String url = BundleChecks.elements(doc, "url").get(0).getTextContent().trim();
        assertThat("/nuxeo/wopihost/files/ABC".matches(url)).isTrue();
        assertThat("/nuxeo/wopihost/files/ABC/contents".matches(url)).isTrue();
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
        // No <require>: Web UI 3.x has no component to require (BundleDeploymentTest, in a real Nuxeo).
        assertThat(BundleChecks.elements(contrib, "require")).isEmpty();
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
