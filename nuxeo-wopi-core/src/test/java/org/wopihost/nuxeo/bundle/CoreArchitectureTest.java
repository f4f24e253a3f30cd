package org.wopihost.nuxeo.bundle;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine packages know neither Nuxeo nor servlets; only org.wopihost.nuxeo touches Nuxeo. */
class CoreArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.wopihost");

    @Test
    void enginePackagesImportNoNuxeoAndNoServletType() {
        noClasses().that().resideInAnyPackage("org.wopihost.engine..", "org.wopihost.spi..", "org.wopihost.config..",
                "org.wopihost.token..", "org.wopihost.discovery..", "org.wopihost.proof..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nuxeo..", "jakarta.servlet..", "javax.servlet..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void onlyTheNuxeoBindingTouchesNuxeo() {
        noClasses().that().resideOutsideOfPackages("org.wopihost.nuxeo..", "org.wopihost.web.nuxeo..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nuxeo..")
                .check(CLASSES);
    }
}
