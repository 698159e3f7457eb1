package org.openapheresis.server.billing;

import java.util.Optional;
import org.openapheresis.server.session.Vocabulary;

/** What happened in the record that a code rule may bill. */
public enum Trigger {
    SESSION_COMPLETED("session-completed"),
    SESSION_ABORTED("session-aborted"),
    PRODUCT_CRYOPRESERVED("product-cryopreserved"),
    PRODUCT_THAWED("product-thawed"),
    PRODUCT_VOLUME_REDUCED("product-volume-reduced"),
    PRODUCT_T_CELL_DEPLETED("product-t-cell-depleted"),
    PRODUCT_INFUSED("product-infused");

    private final String code;

    Trigger(String code) {
        this.code = code;
    }

    /** @return the code the rule table writes, e.g. {@code session-completed} */
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }

    public static Optional<Trigger> fromCode(String code) {
        return Vocabulary.fromCode(Trigger.class, code);
    }
}
