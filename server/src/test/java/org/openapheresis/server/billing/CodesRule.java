package org.openapheresis.server.billing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names the code rule a test shows from a worked record; {@link CodeRulesTest} finds a test for every rule. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface CodesRule {

    /** The rule's id in {@code billing/code-rules.tsv}. */
    String value();
}
