package org.lunglens.log;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The log is core code: no JavaFX in it, and no JDBC outside it. */
class LogArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.lunglens");

    @Test
    void theLogDoesNotUseJavaFxOrTheUi() {
        noClasses().that().resideInAPackage("org.lunglens.log..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.lunglens.ui..")
                .check(MAIN);
    }

    @Test
    void onlyTheLogUsesJdbcOrSqlite() {
        noClasses().that().resideOutsideOfPackage("org.lunglens.log..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .check(MAIN);
    }
}
