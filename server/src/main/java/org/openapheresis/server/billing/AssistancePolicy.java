package org.openapheresis.server.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The unit's financial-assistance policy: a discount on the patient's share by household income as a percentage of
 * the federal poverty guideline of the policy's year. The policy is the unit's own data
 * ({@code billing/assistance-policy.tsv}: the year, the guideline for one person and for each additional person,
 * the tiers and where each number comes from); the shipped file is an EXAMPLE policy, which holds until an
 * administrator sets the unit's own ({@code PUT /api/assistance-policy}; every version is kept).
 *
 * <p>Income as a percentage of the guideline: the household's annual income over the guideline for its size
 * (the one-person figure plus the additional-person figure for each person beyond the first, as the HHS poverty
 * guidelines are stated), times 100, shown rounded to one decimal half up. The first tier whose upper bound
 * (inclusive) the exact percentage does not exceed gives the discount; above the last tier, none.
 *
 * @param year the guideline year
 * @param guidelineFirstPerson the guideline for a household of one, in {@code currency}
 * @param guidelinePerAdditionalPerson added for each further person
 * @param currency ISO 4217 code
 * @param tiers the tiers, their upper bounds strictly increasing
 * @param source where the guideline comes from, and whose policy the tiers are
 */
public record AssistancePolicy(int year, BigDecimal guidelineFirstPerson, BigDecimal guidelinePerAdditionalPerson,
        String currency, List<Tier> tiers, String source) {

    static final String RESOURCE = "/billing/assistance-policy.tsv";
    /** Households of more people than this are refused: the guideline tables the policy comes from stop earlier. */
    public static final int MAX_HOUSEHOLD = 20;

    /**
     * One tier.
     *
     * @param upToPercentOfGuideline the highest income, percent of the guideline, inclusive
     * @param discountPercent the discount on the patient's share, 0..100
     */
    public record Tier(BigDecimal upToPercentOfGuideline, BigDecimal discountPercent) {
        public Tier {
            Objects.requireNonNull(upToPercentOfGuideline, "upToPercentOfGuideline");
            Objects.requireNonNull(discountPercent, "discountPercent");
            if (upToPercentOfGuideline.signum() <= 0 || discountPercent.signum() < 0
                    || discountPercent.compareTo(CostSharing.HUNDRED) > 0) {
                throw new IllegalArgumentException("a tier up to " + upToPercentOfGuideline + " % of the guideline "
                        + "with a discount of " + discountPercent + " %: the bound must be above 0 and the discount "
                        + "within 0..100");
            }
        }
    }

    /**
     * What a household qualifies for.
     *
     * @param householdSize people in the household
     * @param annualIncome the household's annual income
     * @param guideline the guideline for that household size
     * @param percentOfGuideline the income in percent of it, one decimal
     * @param discountPercent the discount on the patient's share (0 above every tier)
     * @param tier the tier that gave it; empty above every tier
     */
    public record Result(int householdSize, BigDecimal annualIncome, BigDecimal guideline,
            BigDecimal percentOfGuideline, BigDecimal discountPercent, Optional<Tier> tier) {

        /** The patient's share after the discount, to the cent. */
        public BigDecimal after(BigDecimal patientShare) {
            return PatientShare.cents(patientShare.subtract(patientShare.multiply(discountPercent)
                    .divide(CostSharing.HUNDRED)));
        }
    }

    public AssistancePolicy {
        Objects.requireNonNull(guidelineFirstPerson, "guidelineFirstPerson");
        Objects.requireNonNull(guidelinePerAdditionalPerson, "guidelinePerAdditionalPerson");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(source, "source");
        tiers = List.copyOf(tiers);
        if (year < 1965 || year > 2200) {
            throw new IllegalArgumentException("guideline year " + year + " is not a year the guidelines were issued");
        }
        if (guidelineFirstPerson.signum() <= 0 || guidelinePerAdditionalPerson.signum() < 0) {
            throw new IllegalArgumentException("a guideline of " + guidelineFirstPerson + " for one person and "
                    + guidelinePerAdditionalPerson + " per additional person: the first must be above 0");
        }
        for (int i = 1; i < tiers.size(); i++) {
            if (tiers.get(i).upToPercentOfGuideline().compareTo(tiers.get(i - 1).upToPercentOfGuideline()) <= 0) {
                throw new IllegalArgumentException("tier " + (i + 1) + "'s bound is not above the tier before it");
            }
        }
    }

    /** The guideline for a household of {@code size} people (1 to {@link #MAX_HOUSEHOLD}). */
    public BigDecimal guideline(int size) {
        if (size < 1 || size > MAX_HOUSEHOLD) {
            throw new IllegalArgumentException("household of " + size + " people: 1 to " + MAX_HOUSEHOLD);
        }
        return guidelineFirstPerson.add(guidelinePerAdditionalPerson.multiply(BigDecimal.valueOf(size - 1L)));
    }

    /** What a household of {@code size} with {@code annualIncome} (≥ 0) qualifies for. */
    public Result qualify(int size, BigDecimal annualIncome) {
        if (annualIncome.signum() < 0) {
            throw new IllegalArgumentException("annual income " + annualIncome + " is negative");
        }
        BigDecimal g = guideline(size);
        BigDecimal percent = annualIncome.multiply(CostSharing.HUNDRED).divide(g, 1, RoundingMode.HALF_UP);
        // the bound is compared exactly (income x 100 <= bound x guideline), not on the rounded percentage
        BigDecimal income100 = annualIncome.multiply(CostSharing.HUNDRED);
        Optional<Tier> tier = tiers.stream()
                .filter(t -> income100.compareTo(t.upToPercentOfGuideline().multiply(g)) <= 0).findFirst();
        return new Result(size, annualIncome, g, percent, tier.map(Tier::discountPercent).orElse(BigDecimal.ZERO),
                tier);
    }

    /**
     * A policy an administrator set.
     *
     * @param id the version's id
     * @param policy the policy
     * @param setAt when it was set; it holds from then until the next
     * @param setBy who set it
     */
    public record Version(String id, AssistancePolicy policy, Instant setAt, String setBy) {
        public Version {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(setAt, "setAt");
            Objects.requireNonNull(setBy, "setBy");
        }
    }

    /** The tiers as stored: {@code up to:discount} pairs separated by {@code ;} (e.g. {@code 200:100;300:75}). */
    String tiersText() {
        return String.join(";", tiers.stream().map(t -> t.upToPercentOfGuideline().toPlainString() + ":"
                + t.discountPercent().toPlainString()).toList());
    }

    /** Tiers from their stored text ({@link #tiersText()}). */
    static List<Tier> tiersOf(String text) {
        List<Tier> out = new ArrayList<>();
        if (!text.isBlank()) {
            for (String pair : text.split(";")) {
                String[] f = pair.split(":");
                out.add(new Tier(new BigDecimal(f[0]), new BigDecimal(f[1])));
            }
        }
        return out;
    }

    /**
     * The unit's policy from the classpath: lines {@code year}, {@code guideline-first-person},
     * {@code guideline-per-additional-person}, {@code currency}, {@code source} and one {@code tier} line per tier
     * ({@code tier<TAB>up to % of guideline<TAB>discount %}); {@code #} starts a comment.
     */
    public static AssistancePolicy load() {
        Integer year = null;
        BigDecimal first = null;
        BigDecimal additional = null;
        String currency = null;
        String source = null;
        List<Tier> tiers = new ArrayList<>();
        for (String[] f : CodeRules.lines(RESOURCE)) {
            switch (f[0]) {
                case "year" -> year = Integer.parseInt(f[1]);
                case "guideline-first-person" -> first = new BigDecimal(f[1]);
                case "guideline-per-additional-person" -> additional = new BigDecimal(f[1]);
                case "currency" -> currency = f[1];
                case "source" -> source = f[1];
                case "tier" -> tiers.add(new Tier(new BigDecimal(f[1]), new BigDecimal(f[2])));
                default -> throw new IllegalStateException(RESOURCE + ": unknown line " + String.join("\t", f));
            }
        }
        if (year == null || first == null || additional == null || currency == null || source == null) {
            throw new IllegalStateException(RESOURCE + " lacks one of year, guideline-first-person, "
                    + "guideline-per-additional-person, currency, source");
        }
        return new AssistancePolicy(year, first, additional, currency, tiers, source);
    }
}
