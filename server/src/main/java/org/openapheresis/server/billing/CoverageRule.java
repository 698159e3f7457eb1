package org.openapheresis.server.billing;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openapheresis.procedure.ProcedureType;

/**
 * One row of the coverage rule table ({@code billing/coverage-rules.tsv}): for a payer kind, a procedure and an
 * indication, whether the payer covers it and whether prior authorisation is needed, with the row's source and
 * whether it is a published fact or the unit's own rule.
 *
 * @param id the rule's name, e.g. {@code NCD_110_14_MYASTHENIA}
 * @param payers the payer kinds it is written for
 * @param procedure the procedure type; empty for any
 * @param indication which orders' indications it matches
 * @param covered whether the payer covers it
 * @param priorAuthorization whether prior authorisation is needed
 * @param basis a published fact or the unit's own rule
 * @param status how far the row was checked
 * @param condition what the source attaches to the coverage, in its words; empty for none
 * @param source where the row comes from
 */
public record CoverageRule(String id, java.util.Set<PayerKind> payers, Optional<ProcedureType> procedure, IndicationMatch indication,
        Covered covered, PriorAuthorizationNeed priorAuthorization, Basis basis, Status status,
        Optional<String> condition, String source) {

    public CoverageRule {
        Objects.requireNonNull(id, "id");
        payers = java.util.Set.copyOf(payers);
        if (payers.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + " names no payer kind");
        }
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(indication, "indication");
        Objects.requireNonNull(covered, "covered");
        Objects.requireNonNull(priorAuthorization, "priorAuthorization");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(source, "source");
        if ((basis == Basis.FACT) != (status == Status.VERIFIED || status == Status.UNVERIFIED)) {
            throw new IllegalArgumentException("rule " + id + ": a FACT is verified or UNVERIFIED, a UNIT RULE is "
                    + "EXAMPLE or unit-rule");
        }
        if (source.isBlank()) {
            throw new IllegalArgumentException("rule " + id + " has no source");
        }
    }

    /** True when the rule is written for the order's facts. */
    public boolean matches(CoverageFacts f) {
        return payers.contains(f.payer()) && (procedure.isEmpty() || procedure.get() == f.procedure())
                && indication.matches(f);
    }

    /** Whether the payer covers the indication. */
    public enum Covered {
        COVERED("covered"),
        /** Covered only when the payer authorises it in advance. */
        IF_AUTHORIZED("if-authorized"),
        NOT_COVERED("not-covered");

        private final String code;

        Covered(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Covered> fromCode(String code) {
            return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
        }
    }

    /** Whether prior authorisation is needed. */
    public enum PriorAuthorizationNeed {
        REQUIRED("required"), NOT_REQUIRED("not-required"),
        /** The source says nothing of prior authorisation: ask billing. */
        NOT_STATED("not-stated");

        private final String code;

        PriorAuthorizationNeed(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<PriorAuthorizationNeed> fromCode(String code) {
            return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
        }
    }

    /** A payer's published rule or the unit's own. */
    public enum Basis {
        FACT("FACT"), UNIT_RULE("UNIT RULE");

        private final String code;

        Basis(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Basis> fromCode(String code) {
            return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
        }
    }

    /** How far a row was checked. */
    public enum Status {
        /** A FACT read in its source. */
        VERIFIED("verified"),
        /** A FACT known only from summaries: never answers "covered". */
        UNVERIFIED("UNVERIFIED"),
        /** The unit's rule, invented for the demonstration. */
        EXAMPLE("EXAMPLE"),
        /** The unit's own rule, from its payers' contracts. */
        UNIT_RULE("unit-rule");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Status> fromCode(String code) {
            return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
        }
    }

    /**
     * Which indications a rule matches: any, the order's ICD-10 code by prefix, the order's guideline row, or its
     * ASFA category.
     *
     * @param kind what is compared
     * @param values the prefixes, row ids or category; empty for any
     */
    public record IndicationMatch(Kind kind, List<String> values) {

        /** What is compared. */
        public enum Kind {
            ANY, ICD10, ROW, CATEGORY
        }

        public IndicationMatch {
            Objects.requireNonNull(kind, "kind");
            values = List.copyOf(values);
            if ((kind == Kind.ANY) != values.isEmpty()) {
                throw new IllegalArgumentException("an indication match names values unless it is *");
            }
        }

        boolean matches(CoverageFacts f) {
            return switch (kind) {
                case ANY -> true;
                case ICD10 -> values.stream().anyMatch(f.icd10()::startsWith);
                case ROW -> f.guidelineRow().filter(values::contains).isPresent();
                case CATEGORY -> f.category().filter(values::contains).isPresent();
            };
        }

        /** As the table writes it, e.g. {@code icd10:G70.0}. */
        public String text() {
            return kind == Kind.ANY ? "*" : kind.name().toLowerCase(java.util.Locale.ROOT) + ":"
                    + String.join(",", values);
        }
    }
}
