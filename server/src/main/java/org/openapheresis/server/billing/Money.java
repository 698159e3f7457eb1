package org.openapheresis.server.billing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.openapheresis.contract.Node;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/** Amounts of money as the API reads them: decimal numbers to the cent, never floating point inside. */
final class Money {

    /** The largest amount a field takes, in the unit's currency (above any real price or plan term). */
    static final BigDecimal MAX = new BigDecimal("9999999999.99");

    private Money() {
    }

    /**
     * A decimal number of at most two decimals (sign checked by the record that takes it), or a problem of the
     * field.
     */
    static Optional<BigDecimal> read(Node n, String key, boolean required) {
        Object v = n.raw(key);
        if (v == null) {
            if (required) {
                n.add(key, MessageKey.REQUIRED);
            }
            return Optional.empty();
        }
        if (!(v instanceof Number num)) {
            n.add(key, MessageKey.WRONG_TYPE, "a decimal number", Node.describe(v));
            return Optional.empty();
        }
        BigDecimal d;
        try {
            d = new BigDecimal(num.toString()).stripTrailingZeros();
        } catch (NumberFormatException e) {
            n.add(key, MessageKey.NOT_FINITE, num);
            return Optional.empty();
        }
        if (d.scale() > 2) {
            n.add(key, MessageKey.INVALID, d.toPlainString() + " has more than two decimals");
            return Optional.empty();
        }
        if (d.abs().compareTo(MAX) > 0) {
            n.add(key, MessageKey.OUT_OF_RANGE, d.toPlainString(), 0, MAX.toPlainString());
            return Optional.empty();
        }
        return Optional.of(d.setScale(2));
    }

    /** A problem when the amount is negative. */
    static void notNegative(List<Problem> problems, String field, BigDecimal v) {
        if (v.signum() < 0) {
            problems.add(Problem.of(field, MessageKey.OUT_OF_RANGE, v.toPlainString(), 0, MAX.toPlainString()));
        }
    }
}
