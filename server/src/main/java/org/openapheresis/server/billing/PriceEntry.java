package org.openapheresis.server.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * One price of the unit's price list, for its period. Never changed but for closing the period, once.
 *
 * @param id id
 * @param code a code of the unit's checked list
 * @param description the unit's description on the price list
 * @param price the price of one unit of the code, ≥ 0
 * @param currency ISO 4217 code, the unit's currency
 * @param effectiveFrom the first day it holds
 * @param effectiveTo the last day it holds (inclusive); empty while open
 * @param example true for invented prices (the demo unit's), which no one may take for a real unit's
 * @param createdAt when it was set
 * @param createdBy who set it
 */
public record PriceEntry(String id, String code, String description, BigDecimal price, String currency,
        LocalDate effectiveFrom, Optional<LocalDate> effectiveTo, boolean example, Instant createdAt,
        String createdBy) {

    public PriceEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(effectiveTo, "effectiveTo");
        List<Problem> problems = new ArrayList<>();
        Money.notNegative(problems, "price", price);
        if (effectiveTo.isPresent() && effectiveTo.get().isBefore(effectiveFrom)) {
            problems.add(Problem.of("effectiveTo", MessageKey.INVALID, effectiveTo.get() + " is before effectiveFrom "
                    + effectiveFrom));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the price is refused", problems);
        }
    }

    /** True when the price holds on the day. */
    public boolean holdsOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && effectiveTo.map(to -> !day.isAfter(to)).orElse(true);
    }
}
