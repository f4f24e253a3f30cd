package org.wopihost.discovery;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Discovery and proof keys need nothing beyond the JDK, slf4j and the atomic file writes, though their module has more on its
 * class path (Jackson, jutf7). That the engine knows no servlet and no Nuxeo type the module graph
 * enforces: wopi-engine has neither on its class path.
 */
class DiscoveryAndProofArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.wopihost.discovery", "org.wopihost.proof");

    @Test
    void onlyTheJdkAndSlf4j() {
        noClasses().should().dependOnClassesThat()
                .resideOutsideOfPackages("java..", "javax.xml..", "org.w3c.dom..", "org.xml.sax..", "org.slf4j..",
                        "org.wopihost.discovery..", "org.wopihost.proof..", "org.wopihost.io..")
                .check(ENGINE);
    }

    @Test
    void proofDoesNotDependOnDiscovery() {
        noClasses().that().resideInAPackage("org.wopihost.proof..")
                .should().dependOnClassesThat().resideInAPackage("org.wopihost.discovery..")
                .check(ENGINE);
    }
}
