package org.lunglens;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code in one place (docs/ARCHITECTURE.md draws it): the entry point on top, then the two
 * front ends (ui, cli), the toolkit-free application layer they share, and the core. Each library lives in one
 * room, and the ui's feature packages are wired by the shell, never by each other in a circle.
 */
class ArchitectureTest {
    private static final String[] CORE = {"org.lunglens.imaging..", "org.lunglens.model..", "org.lunglens.gradcam..",
        "org.lunglens.explain..", "org.lunglens.report..", "org.lunglens.teaching..", "org.lunglens.patientlog..",
        "org.lunglens.measure.."};
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.lunglens");

    @Test
    void layersOnlyCallDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Entry").definedBy("org.lunglens")
                .layer("Ui").definedBy("org.lunglens.ui..")
                .layer("Cli").definedBy("org.lunglens.cli..")
                .layer("App").definedBy("org.lunglens.app..")
                .layer("Core").definedBy(CORE)
                .whereLayer("Ui").mayOnlyBeAccessedByLayers("Entry")
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("Entry")
                .whereLayer("App").mayOnlyBeAccessedByLayers("Entry", "Ui", "Cli")
                .whereLayer("Core").mayOnlyBeAccessedByLayers("Entry", "Ui", "Cli", "App")
                .check(MAIN);
    }

    @Test
    void corePackagesFormNoCycles() {
        slices().matching("org.lunglens.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void uiFeaturesFormNoCyclesAndLeaveWiringToTheShell() {
        slices().matching("org.lunglens.ui.(*)..").should().beFreeOfCycles().check(MAIN);
        noClasses().that().resideInAPackage("org.lunglens.ui.*..")
                .should().dependOnClassesThat().resideInAPackage("org.lunglens.ui")
                .check(MAIN);
    }

    @Test
    void onlyTheUiUsesJavaFxAndOnlyItCallsRunLater() {
        noClasses().that().resideOutsideOfPackage("org.lunglens.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(MAIN);
        noClasses().that().resideOutsideOfPackage("org.lunglens.ui..")
                .should().callMethod("javafx.application.Platform", "runLater", Runnable.class.getName())
                .check(MAIN);
    }

    @Test
    void everyWindowGetsTheStylesheetThroughStyles() {
        noClasses().that().doNotHaveFullyQualifiedName("org.lunglens.ui.common.Styles")
                .should().callConstructorWhere(target(owner(assignableTo("javafx.scene.Scene"))))
                .orShould().callConstructorWhere(target(owner(assignableTo("javafx.scene.control.Dialog"))))
                .because("Styles.scene, Styles.dialog and Styles.alert add lunglens.css; a window made otherwise "
                        + "would miss it")
                .check(MAIN);
    }

    @Test
    void onlyModelAndGradCamUseNd4jOrDl4j() {
        noClasses().that().resideOutsideOfPackages("org.lunglens.model..", "org.lunglens.gradcam..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..")
                .check(MAIN);
    }

    @Test
    void onlyThePatientLogUsesJdbcOrSqlite() {
        noClasses().that().resideOutsideOfPackage("org.lunglens.patientlog..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .check(MAIN);
    }
}
