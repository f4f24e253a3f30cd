package org.wopihost.web.nuxeo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The web layer imports no Nuxeo type outside org.wopihost.web.nuxeo; the engine knows no servlet. */
class WebArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.wopihost");

    @Test
    void webLayerOutsideTheBindingImportsNoNuxeoType() {
        noClasses().that().resideInAPackage("org.wopihost.web..").and().resideOutsideOfPackage("org.wopihost.web.nuxeo..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nuxeo..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void enginePackagesImportNoNuxeoAndNoServletType() {
        noClasses().that().resideInAnyPackage("org.wopihost.engine..", "org.wopihost.spi..", "org.wopihost.config..",
                "org.wopihost.token..", "org.wopihost.discovery..", "org.wopihost.proof..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nuxeo..", "jakarta.servlet..", "javax.servlet..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
