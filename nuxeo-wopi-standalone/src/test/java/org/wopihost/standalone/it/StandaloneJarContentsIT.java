package org.wopihost.standalone.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

/**
 * The packaged jar holds the neutral modules and nothing of Nuxeo: no binding class, no Nuxeo class,
 * no OSGI-INF component, no nuxeo.war resource. (The root POM's no-nuxeo enforcer rule keeps Nuxeo
 * artifacts out of the dependencies; this checks what the shade plugin actually packed.)
 */
class StandaloneJarContentsIT {

    @Test
    void holdsTheEngineAndServletsAndNothingOfNuxeo() throws IOException {
        List<String> entries = entries();
        assertThat(entries).contains("org/wopihost/engine/WopiEngine.class", "org/wopihost/web/WopiServlet.class",
                "org/wopihost/standalone/Main.class");
        assertThat(entries).noneMatch(e -> e.startsWith("org/wopihost/nuxeo/") || e.startsWith("org/wopihost/web/nuxeo/")
                || e.startsWith("org/nuxeo/") || e.startsWith("OSGI-INF/") || e.contains("nuxeo.war"));
    }

    @Test
    void holdsTheDemoFilesButNotTheLibraryThatMadeThem() throws IOException {
        List<String> entries = entries();
        assertThat(entries).contains("org/wopihost/demofiles/Quarterly Report.docx",
                "org/wopihost/demofiles/Budget 2027.xlsx", "org/wopihost/demofiles/Kickoff.pptx");
        assertThat(entries).noneMatch(e -> e.startsWith("org/apache/poi/") || e.startsWith("org/apache/xmlbeans/")
                || e.startsWith("org/wopihost/demofiles/") && e.endsWith(".class"));
    }

    private static List<String> entries() throws IOException {
        try (JarFile jar = new JarFile(ServerProcess.JAR.toFile())) {
            return jar.stream().map(ZipEntry::getName).toList();
        }
    }
}
