package org.openapheresis.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the server's shape: services and stores are plain Java (no Javalin, no HTTP types), features see Javalin
 * only in their routes class, the HTTP edge names no feature, no feature calls another's routes, and the feature
 * packages have no cycles.
 */
@AnalyzeClasses(packages = "org.openapheresis.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {

    private static final String HTTP = "org.openapheresis.server.http..";

    @ArchTest
    static final ArchRule services_and_stores_know_nothing_of_http = noClasses()
            .that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Store")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", HTTP, "jakarta.servlet..")
            .because("a service is called by the demo seed, a scheduler or a FHIR mapper as well as by HTTP "
                    + "(CONVENTIONS 3)");

    @ArchTest
    static final ArchRule stores_throw_no_http_problems_and_call_no_services = noClasses()
            .that().haveSimpleNameEndingWith("Store")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Service")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Routes")
            .because("a store is SQL only");

    @ArchTest
    static final ArchRule features_see_javalin_only_in_their_routes = noClasses()
            .that().resideOutsideOfPackages(HTTP).and().haveSimpleNameNotEndingWith("Routes")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "jakarta.servlet..")
            .because("outside the HTTP edge, only a feature's routes class parses and answers requests");

    @ArchTest
    static final ArchRule the_http_edge_names_no_feature = classes().that().resideInAPackage(HTTP)
            .should().onlyDependOnClassesThat().resideInAnyPackage(HTTP, "org.openapheresis.server.access..",
                    "org.openapheresis.server.system..", "org.openapheresis.server.db..",
                    "org.openapheresis.server.json..", "org.openapheresis.contract..", "org.openapheresis.system..",
                    "java..", "io.javalin..", "org.eclipse.jetty..", "org.jdbi..", "com.fasterxml..", "org.slf4j..",
                    "jakarta.servlet..")
            .because("features contribute their routes; the edge composes them without knowing them");

    @ArchTest
    static final ArchRule no_feature_calls_another_features_routes = classes()
            .that().haveSimpleNameEndingWith("Routes").and().resideOutsideOfPackage(HTTP)
            .should().onlyHaveDependentClassesThat().resideInAnyPackage("org.openapheresis.server")
            .because("one feature reaches another through its service; only the composition root knows routes");

    @ArchTest
    static final ArchRule feature_packages_have_no_cycles = slices().matching("org.openapheresis.server.(*)..")
            .should().beFreeOfCycles();
}
