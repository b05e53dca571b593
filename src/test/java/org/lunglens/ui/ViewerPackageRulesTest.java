package org.lunglens.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The imaging core stays free of JavaFX, so the CLI and the model can use it headless. */
class ViewerPackageRulesTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.lunglens");

    @Test
    void imagingHasNoJavaFx() {
        noClasses().that().resideInAPackage("org.lunglens.imaging..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void modelAndGradCamHaveNoJavaFx() {
        // The CLI draws the same overlays as the app: the rendering must stay toolkit-free.
        noClasses().that().resideInAnyPackage("org.lunglens.model..", "org.lunglens.gradcam..", "org.lunglens.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void theCoreDoesNotDependOnTheUi() {
        noClasses().that().resideOutsideOfPackage("org.lunglens.ui..").and().doNotHaveFullyQualifiedName("org.lunglens.Main")
                .should().dependOnClassesThat().resideInAPackage("org.lunglens.ui..")
                .check(classes);
    }
}
