package org.wopihost.discovery;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Engine packages stay platform-neutral: no servlet type, no Nuxeo type, nothing beyond the JDK and slf4j. */
class DiscoveryAndProofArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.wopihost.discovery", "org.wopihost.proof");

    @Test
    void noServletOrNuxeoTypes() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("javax.servlet..", "jakarta.servlet..", "org.nuxeo..", "jakarta.ws..", "javax.ws..")
                .check(ENGINE);
    }

    @Test
    void onlyTheJdkAndSlf4j() {
        noClasses().should().dependOnClassesThat()
                .resideOutsideOfPackages("java..", "javax.xml..", "org.w3c.dom..", "org.xml.sax..", "org.slf4j..",
                        "org.wopihost.discovery..", "org.wopihost.proof..")
                .check(ENGINE);
    }

    @Test
    void proofDoesNotDependOnDiscovery() {
        noClasses().that().resideInAPackage("org.wopihost.proof..")
                .should().dependOnClassesThat().resideInAPackage("org.wopihost.discovery..")
                .check(ENGINE);
    }
}
