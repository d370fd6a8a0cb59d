package cl.andesops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import cl.andesops.testing.NoDatabase;

/** The package rules of STYLE.md. */
@NoDatabase
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cl.andesops");

    @Test
    void views_never_touch_sql_or_repositories() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..",
                        "org.springframework.data.repository..", "java.sql..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Queries")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(CLASSES);
    }

    @Test
    void only_the_wire_packages_speak_http_to_mercado_publico() {
        noClasses().that().resideOutsideOfPackages("..mercadopublico..", "..simulator..", "..analysis..",
                        "..opendata..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..")
                .check(CLASSES);
    }

    @Test
    void feature_packages_have_no_cycles() {
        slices().matching("cl.andesops.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void features_never_depend_on_the_sync_that_drives_them() {
        noClasses().that().resideInAnyPackage("cl.andesops.orders..", "cl.andesops.tenders..",
                        "cl.andesops.compraagil..", "cl.andesops.analysis..", "cl.andesops.opendata..")
                .should().dependOnClassesThat().resideInAPackage("cl.andesops.sync..")
                .check(CLASSES);
    }

    @Test
    void only_a_feature_writes_its_tables_through_the_single_writer() {
        // the writer connection is for the feature writers, the sync's job queue, the ledger and stored analyses
        noClasses().that().resideInAPackage("..ui..").or().resideInAPackage("cl.andesops.api..")
                .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates
                        .resideInAPackage("cl.andesops..")
                        .and(com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith("Writer")))
                .check(CLASSES);
    }

    @Test
    void shared_depends_on_no_feature() {
        noClasses().that().resideInAPackage("cl.andesops.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("cl.andesops.orders..", "cl.andesops.tenders..",
                        "cl.andesops.compraagil..", "cl.andesops.sync..", "cl.andesops.mercadopublico..",
                        "cl.andesops.simulator..", "cl.andesops.analysis..", "cl.andesops.admin..",
                        "cl.andesops.opendata..")
                .check(CLASSES);
    }
}
