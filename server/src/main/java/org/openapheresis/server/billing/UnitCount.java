package org.openapheresis.server.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * How a code rule counts its units: a fixed number per event, the drug given per the code's dosage, or the
 * infusion time by the hour. Written in the rule table's {@code units} column as {@code 1}, {@code dose-mg/500},
 * {@code infusion-first-hour} or {@code infusion-additional-hours}.
 *
 * <p>Drug units: the dose given (mg) over the code's dosage (mg per unit), rounded up. CMS: "If the drug dose used
 * in the care of a patient is not a multiple of the HCPCS code dosage descriptor, the provider rounds to the next
 * highest unit" (Medicare Claims Processing Manual, Pub. 100-04, chapter 17, section 10, as quoted by CMS Recovery
 * Audit topic 0074, which names J1459, J1561 and J1569).
 *
 * <p>Infusion time (CPT guideline as AAPC coding guidance states it): an infusion of more than 15 minutes (16 or
 * more) is an infusion, coded once with the initial-hour code; 15 minutes or less is a push, which the unit does not
 * code. Each hour beyond the first adds one unit of the additional-hour code, and a last part hour counts when it is
 * more than 30 minutes (31 or more): 90 min codes no additional hour, 91 to 150 min one, 151 to 210 min two. Time is
 * counted in whole minutes elapsed (UNIT RULE: a part minute is not counted).
 *
 * @param basis how units are counted
 * @param perEvent units per event, for {@link Basis#PER_EVENT}
 * @param mgPerUnit the code's dosage, mg per unit, for {@link Basis#DRUG_DOSE}
 */
public record UnitCount(Basis basis, int perEvent, int mgPerUnit) {

    /** Infusions of this many minutes or fewer are a push, not an infusion (CPT guideline, see the class). */
    public static final int PUSH_MAX_MIN = 15;
    /** The initial-hour code covers this many minutes. */
    public static final int FIRST_HOUR_MIN = 60;
    /** A part hour beyond the first counts as an additional hour when it is more than this many minutes. */
    public static final int PART_HOUR_MORE_THAN_MIN = 30;

    /** How a rule counts units. */
    public enum Basis {
        PER_EVENT, DRUG_DOSE, INFUSION_FIRST_HOUR, INFUSION_ADDITIONAL_HOURS
    }

    static final String DOSE_PREFIX = "dose-mg/";

    public UnitCount {
        Objects.requireNonNull(basis, "basis");
        if (basis == Basis.PER_EVENT && perEvent < 0 || basis == Basis.DRUG_DOSE && mgPerUnit <= 0) {
            throw new IllegalArgumentException(basis + " counts " + perEvent + " units, " + mgPerUnit + " mg per unit");
        }
    }

    public static UnitCount perEvent(int units) {
        return new UnitCount(Basis.PER_EVENT, units, 0);
    }

    /** The units column's text; empty when it is none of the forms. */
    public static Optional<UnitCount> parse(String text) {
        if (text.matches("\\d{1,4}")) {
            return Optional.of(perEvent(Integer.parseInt(text)));
        }
        if (text.startsWith(DOSE_PREFIX) && text.substring(DOSE_PREFIX.length()).matches("[1-9]\\d{0,6}")) {
            return Optional.of(new UnitCount(Basis.DRUG_DOSE, 0, Integer.parseInt(text.substring(DOSE_PREFIX.length()))));
        }
        return switch (text) {
            case "infusion-first-hour" -> Optional.of(new UnitCount(Basis.INFUSION_FIRST_HOUR, 0, 0));
            case "infusion-additional-hours" -> Optional.of(new UnitCount(Basis.INFUSION_ADDITIONAL_HOURS, 0, 0));
            default -> Optional.empty();
        };
    }

    /** True when the rule bills something by itself: a measured count, or a fixed one above zero. */
    public boolean bills() {
        return basis != Basis.PER_EVENT || perEvent > 0;
    }

    /**
     * The units the facts earn, or why none.
     *
     * @param units units of the code (0 when none)
     * @param reason why none, when something the record lacks or shows keeps the code from being billed
     */
    public record Counted(int units, Optional<String> reason) {
        static Counted of(int units) {
            return new Counted(units, Optional.empty());
        }

        static Counted none(String reason) {
            return new Counted(0, Optional.of(reason));
        }
    }

    /** The units the record's facts earn. */
    public Counted count(BillableFacts f) {
        return switch (basis) {
            case PER_EVENT -> Counted.of(perEvent);
            case DRUG_DOSE -> f.doseGivenMg().filter(mg -> mg.signum() > 0)
                    .map(mg -> Counted.of(drugUnits(mg, mgPerUnit)))
                    .orElseGet(() -> Counted.none("no dose of the drug is recorded as given"));
            case INFUSION_FIRST_HOUR -> f.infusionMin().map(min -> min > PUSH_MAX_MIN ? Counted.of(1)
                    : Counted.none("the infusion ran " + min + " min, " + PUSH_MAX_MIN + " min or less: a push, not "
                            + "an infusion (not coded by the unit)"))
                    .orElseGet(() -> Counted.none("the infusion time is not recorded"));
            // an infusion within its first hour (or 30 min or less beyond an hour) earns no additional hour: nothing
            // is missing, so no reason is given
            case INFUSION_ADDITIONAL_HOURS -> f.infusionMin().map(min -> Counted.of(additionalHours(min)))
                    .orElseGet(() -> Counted.none("the infusion time is not recorded"));
        };
    }

    /** Units of a drug code: the dose over the code's dosage, rounded up (CMS, see the class). */
    static int drugUnits(BigDecimal doseMg, int mgPerUnit) {
        return doseMg.divide(BigDecimal.valueOf(mgPerUnit), 0, RoundingMode.CEILING).intValueExact();
    }

    /** Hours beyond the first of an infusion of {@code minutes}, a last part hour counted above 30 min. */
    static int additionalHours(long minutes) {
        long beyond = minutes - FIRST_HOUR_MIN;
        if (beyond <= 0) {
            return 0;
        }
        long full = beyond / 60;
        long part = beyond % 60;
        return Math.toIntExact(full + (part > PART_HOUR_MORE_THAN_MIN ? 1 : 0));
    }
}
