package org.openapheresis.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps core plain Java: no framework, SQL, FHIR or I/O, and no cycles between its feature packages. */
@AnalyzeClasses(packages = "org.openapheresis", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule core_uses_no_framework_sql_or_fhir = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..", "com.fasterxml..", "io.javalin..", "ca.uhn.fhir..",
                    "org.hl7..", "picocli..", "org.jdbi..", "org.flywaydb..", "jakarta..", "javax.servlet..",
                    "org.springframework..", "org.slf4j..")
            .because("core is plain Java (CONVENTIONS 1)");

    @ArchTest
    static final ArchRule core_does_no_io = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("java.nio.file..", "java.net..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.System")
            .because("core computes; the edges read and write");

    @ArchTest
    static final ArchRule feature_packages_have_no_cycles = slices().matching("org.openapheresis.(*)..")
            .should().beFreeOfCycles();
}
