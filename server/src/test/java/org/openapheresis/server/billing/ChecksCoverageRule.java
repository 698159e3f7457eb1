package org.openapheresis.server.billing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names the coverage rule a test shows from a worked record; {@link CoverageRulesTest} finds a test for every rule. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface ChecksCoverageRule {

    /** The rule's id in {@code billing/coverage-rules.tsv}. */
    String value();
}
