package org.openapheresis.server.schedule.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The week's rules against their tests: every rule class of the package is in {@link WeekConstraints#ALL}, every
 * rule there has a test class of its own name with at least two tests (one where it counts, one where it does
 * not), and the names the explanation shows are unique.
 */
class EveryConstraintHasATestTest {

    @Test
    void every_rule_of_the_provider_has_its_own_test_class_with_at_least_two_tests() {
        List<String> missing = new ArrayList<>();
        for (WeekConstraint c : WeekConstraints.ALL) {
            String test = c.getClass().getName() + "Test";
            try {
                long tests = Arrays.stream(Class.forName(test).getDeclaredMethods())
                        .filter(m -> m.isAnnotationPresent(Test.class)).count();
                if (tests < 2) {
                    missing.add(test + " has " + tests + " test(s)");
                }
            } catch (ClassNotFoundException e) {
                missing.add(test + " is missing");
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void every_rule_class_of_the_package_is_in_the_providers_list_and_names_are_unique() throws Exception {
        List<String> names = WeekConstraints.ALL.stream().map(WeekConstraint::name).toList();
        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
        String pkg = WeekConstraint.class.getPackageName();
        Path dir = Path.of(WeekConstraint.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(pkg.replace('.', '/'));
        List<Class<?>> rules = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.map(Path::getFileName).filter(f -> f.toString().endsWith(".class")
                    && !f.toString().contains("$")).toList()) {
                Class<?> k = Class.forName(pkg + "." + p.toString().replace(".class", ""));
                if (WeekConstraint.class.isAssignableFrom(k) && !k.isInterface()) {
                    rules.add(k);
                }
            }
        }
        assertThat(rules).hasSizeGreaterThanOrEqualTo(12);
        assertThat(WeekConstraints.ALL.stream().<Class<?>>map(Object::getClass).toList())
                .containsExactlyInAnyOrderElementsOf(rules);
    }
}
