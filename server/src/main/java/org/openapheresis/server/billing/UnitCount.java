package org.openapheresis.server.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a code rule counts its units: a fixed number per event, the drug given per the code's dosage, or the
 * infusion time by the hour, or a fluid given by the container. Written in the rule table's {@code units} column as
 * {@code 1}, {@code dose-mg/500}, {@code infusion-first-hour}, {@code infusion-additional-hours} or
 * {@code fluid-ml/albumin-5/250}, or a plasma product by the units recorded as given, {@code fluid-units/plasma-ffp}.
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
 * <p>Fluid containers: the volume of one fluid recorded as given (mL, by its code) over the code's container volume,
 * rounded up (UNIT RULE: a container opened for a patient is used for that patient or discarded, never returned).
 * No volume of the fluid recorded is no unit and no reason: a plasma exchange replaced with plasma gives no albumin.
 *
 * <p>Fluid units: the units of one plasma product recorded as given (the nurse counts the bags), summed over the
 * session's entries of it; the HCPCS plasma codes are "each unit".
 *
 * @param basis how units are counted
 * @param perEvent units per event, for {@link Basis#PER_EVENT}
 * @param mgPerUnit the code's dosage, mg per unit, for {@link Basis#DRUG_DOSE}
 * @param fluid the fluid's code, for {@link Basis#FLUID_CONTAINERS} and {@link Basis#FLUID_UNITS}; empty otherwise
 * @param mlPerUnit the code's container volume, mL per unit, for {@link Basis#FLUID_CONTAINERS}
 */
public record UnitCount(Basis basis, int perEvent, int mgPerUnit, Optional<String> fluid, int mlPerUnit) {

    /** Infusions of this many minutes or fewer are a push, not an infusion (CPT guideline, see the class). */
    public static final int PUSH_MAX_MIN = 15;
    /** The initial-hour code covers this many minutes. */
    public static final int FIRST_HOUR_MIN = 60;
    /** A part hour beyond the first counts as an additional hour when it is more than this many minutes. */
    public static final int PART_HOUR_MORE_THAN_MIN = 30;

    /** How a rule counts units. */
    public enum Basis {
        PER_EVENT, DRUG_DOSE, INFUSION_FIRST_HOUR, INFUSION_ADDITIONAL_HOURS, FLUID_CONTAINERS, FLUID_UNITS
    }

    static final String DOSE_PREFIX = "dose-mg/";
    static final String FLUID_PREFIX = "fluid-ml/";
    private static final Pattern FLUID = Pattern.compile(FLUID_PREFIX + "([a-z0-9.-]+)/([1-9]\\d{0,5})");
    static final String FLUID_UNITS_PREFIX = "fluid-units/";
    private static final Pattern FLUID_UNIT = Pattern.compile(FLUID_UNITS_PREFIX + "([a-z0-9.-]+)");

    public UnitCount {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(fluid, "fluid");
        if (basis == Basis.PER_EVENT && perEvent < 0 || basis == Basis.DRUG_DOSE && mgPerUnit <= 0
                || basis == Basis.FLUID_CONTAINERS && (fluid.isEmpty() || mlPerUnit <= 0)
                || basis == Basis.FLUID_UNITS && fluid.isEmpty()) {
            throw new IllegalArgumentException(basis + " counts " + perEvent + " units, " + mgPerUnit + " mg per unit, "
                    + mlPerUnit + " mL of " + fluid.orElse("no fluid") + " per unit");
        }
    }

    public static UnitCount perEvent(int units) {
        return new UnitCount(Basis.PER_EVENT, units, 0, Optional.empty(), 0);
    }

    private static UnitCount of(Basis basis) {
        return new UnitCount(basis, 0, 0, Optional.empty(), 0);
    }

    /** The units column's text; empty when it is none of the forms. */
    public static Optional<UnitCount> parse(String text) {
        if (text.matches("\\d{1,4}")) {
            return Optional.of(perEvent(Integer.parseInt(text)));
        }
        if (text.startsWith(DOSE_PREFIX) && text.substring(DOSE_PREFIX.length()).matches("[1-9]\\d{0,6}")) {
            return Optional.of(new UnitCount(Basis.DRUG_DOSE, 0, Integer.parseInt(text.substring(DOSE_PREFIX.length())),
                    Optional.empty(), 0));
        }
        Matcher fluid = FLUID.matcher(text);
        if (fluid.matches()) {
            return Optional.of(new UnitCount(Basis.FLUID_CONTAINERS, 0, 0, Optional.of(fluid.group(1)),
                    Integer.parseInt(fluid.group(2))));
        }
        Matcher units = FLUID_UNIT.matcher(text);
        if (units.matches()) {
            return Optional.of(new UnitCount(Basis.FLUID_UNITS, 0, 0, Optional.of(units.group(1)), 0));
        }
        return switch (text) {
            case "infusion-first-hour" -> Optional.of(of(Basis.INFUSION_FIRST_HOUR));
            case "infusion-additional-hours" -> Optional.of(of(Basis.INFUSION_ADDITIONAL_HOURS));
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
            // no volume of the fluid given is nothing to bill and nothing missing
            case FLUID_CONTAINERS -> Counted.of(Optional.ofNullable(f.fluidGivenMl().get(fluid.orElseThrow()))
                    .map(ml -> containers(ml, mlPerUnit)).orElse(0));
            // no unit of the product given is nothing to bill and nothing missing
            case FLUID_UNITS -> Counted.of(f.fluidGivenUnits().getOrDefault(fluid.orElseThrow(), 0));
        };
    }

    /** Units of a drug code: the dose over the code's dosage, rounded up (CMS, see the class). */
    static int drugUnits(BigDecimal doseMg, int mgPerUnit) {
        return doseMg.divide(BigDecimal.valueOf(mgPerUnit), 0, RoundingMode.CEILING).intValueExact();
    }

    /** Containers of {@code mlPerUnit} that hold {@code ml}, rounded up (UNIT RULE, see the class). */
    static int containers(BigDecimal ml, int mlPerUnit) {
        return ml.divide(BigDecimal.valueOf(mlPerUnit), 0, RoundingMode.CEILING).intValueExact();
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
