package org.lunglens;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The room each library lives in (STYLE.md): JavaFX in ui, ND4J/DL4J in model and gradcam. */
class PackageRulesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.lunglens");

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.lunglens.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(MAIN);
    }

    @Test
    void onlyModelAndGradCamUseNd4jOrDl4j() {
        noClasses().that().resideOutsideOfPackages("org.lunglens.model..", "org.lunglens.gradcam..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..")
                .check(MAIN);
    }

    @Test
    void theCommandLineDoesNotNeedTheUi() {
        noClasses().that().resideInAPackage("org.lunglens.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.lunglens.ui..")
                .check(MAIN);
    }
}
