package org.openapheresis.procedure;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The {@code procedure} object of a plan request: what to do and how much. One record per type; the
 * planner switches over them exhaustively, so adding a type fails compilation until it is planned.
 */
public sealed interface ProcedureSpec {

    ProcedureType type();

    /** Settings of the separator; empty for an infusion. */
    Optional<Separation> separation();

    /**
     * Therapeutic plasma exchange.
     *
     * @param separation separator settings
     * @param plasmaVolumes plasma volumes to exchange (exclusive with {@code exchangeVolumeMl}); default 1.0
     * @param exchangeVolumeMl plasma to remove, mL
     * @param replacement replacement fluid mix
     * @param fluidBalancePercent replacement given per plasma removed, percent (default 100)
     */
    record PlasmaExchange(Separation sep, OptionalDouble plasmaVolumes, OptionalDouble exchangeVolumeMl,
            Replacement replacement, double fluidBalancePercent) implements ProcedureSpec {
        public PlasmaExchange {
            Objects.requireNonNull(sep, "separation");
            Objects.requireNonNull(replacement, "replacement");
            if (plasmaVolumes.isPresent() && exchangeVolumeMl.isPresent()) {
                throw new IllegalArgumentException("give plasmaVolumes or exchangeVolumeMl, not both");
            }
        }

        @Override
        public ProcedureType type() {
            return ProcedureType.PLASMA_EXCHANGE;
        }

        @Override
        public Optional<Separation> separation() {
            return Optional.of(sep);
        }
    }

    /**
     * White cell depletion.
     *
     * @param bloodVolumesProcessed dose in blood volumes (exclusive with the target); default 2.0
     * @param targetWbcE9PerL post-procedure WBC to reach, 10^9/L
     */
    record Leukocytapheresis(Separation sep, OptionalDouble bloodVolumesProcessed, OptionalDouble targetWbcE9PerL)
            implements ProcedureSpec {
        @Override
        public ProcedureType type() {
            return ProcedureType.LEUKOCYTAPHERESIS;
        }

        @Override
        public Optional<Separation> separation() {
            return Optional.of(sep);
        }
    }

    /**
     * Peripheral blood stem cell (HPC, Apheresis) collection.
     *
     * @param bloodVolumesProcessed dose in blood volumes (exclusive with the target)
     * @param targetCd34PerKg CD34+ cells per recipient kg to collect
     * @param collectionEfficiencyPercent CE2 override, percent
     */
    record HpcCollection(Separation sep, OptionalDouble bloodVolumesProcessed, OptionalDouble targetCd34PerKg,
            OptionalDouble collectionEfficiencyPercent) implements ProcedureSpec {
        @Override
        public ProcedureType type() {
            return ProcedureType.HPC_COLLECTION;
        }

        @Override
        public Optional<Separation> separation() {
            return Optional.of(sep);
        }
    }

    /**
     * Lymphocyte collection for donor lymphocyte infusion.
     *
     * @param bloodVolumesProcessed dose in blood volumes (exclusive with the target)
     * @param targetCd3PerKgDoses planned CD3+ doses per recipient kg, one per infusion; the collection covers
     *     their sum
     * @param collectionEfficiencyPercent CE2 override, percent
     */
    record LymphocyteCollection(Separation sep, OptionalDouble bloodVolumesProcessed,
            List<Double> targetCd3PerKgDoses, OptionalDouble collectionEfficiencyPercent) implements ProcedureSpec {
        public LymphocyteCollection {
            targetCd3PerKgDoses = List.copyOf(targetCd3PerKgDoses);
        }

        @Override
        public ProcedureType type() {
            return ProcedureType.LYMPHOCYTE_COLLECTION;
        }

        @Override
        public Optional<Separation> separation() {
            return Optional.of(sep);
        }
    }

    /**
     * Granulocyte collection from a stimulated donor.
     *
     * @param sedimentingAgent red cell sedimenting agent in the circuit
     * @param bloodVolumesProcessed dose in blood volumes (exclusive with the target)
     * @param targetGranulocytes granulocytes to collect, cells
     * @param collectionEfficiencyPercent CE2 override, percent
     */
    record GranulocyteCollection(Separation sep, SedimentingAgent sedimentingAgent,
            OptionalDouble bloodVolumesProcessed, OptionalDouble targetGranulocytes,
            OptionalDouble collectionEfficiencyPercent) implements ProcedureSpec {
        @Override
        public ProcedureType type() {
            return ProcedureType.GRANULOCYTE_COLLECTION;
        }

        @Override
        public Optional<Separation> separation() {
            return Optional.of(sep);
        }
    }

    /**
     * Intravenous immunoglobulin, planned like a procedure.
     *
     * @param doseGPerKg total dose over all days, g/kg
     * @param days days the dose is split over
     * @param productPercent concentration of the product, percent (g/100 mL), default 10
     */
    record IvigInfusion(double doseGPerKg, int days, double productPercent) implements ProcedureSpec {
        @Override
        public ProcedureType type() {
            return ProcedureType.IVIG_INFUSION;
        }

        @Override
        public Optional<Separation> separation() {
            return Optional.empty();
        }
    }

    /**
     * Automated red cell exchange (sickle cell disease): the patient's red cells are removed and replaced by
     * donor red cells until the haemoglobin S fraction reaches a target, ending at a target haematocrit.
     *
     * @param sep separator settings
     * @param mode exchange alone, or a depletion to {@code depletionHematocritPercent} with saline or albumin
     *     first (Spectra Optia's exchange and depletion/exchange protocols)
     * @param targetHbsPercent HbS at the end, percent of total haemoglobin
     * @param targetHematocritPercent haematocrit at the end, percent
     * @param replacementHematocritPercent haematocrit of the donor red cell units, percent
     * @param depletionHematocritPercent haematocrit the depletion phase lowers to (depletion-exchange only), percent
     * @param redCellUnitVolumeMl mean volume of one donor unit, mL (empty: the planner's default)
     * @param redCellUnitsAvailable units the blood bank has ready, if known
     */
    record RedCellExchange(Separation sep, RedCellExchangeMode mode, double targetHbsPercent,
            double targetHematocritPercent, double replacementHematocritPercent,
            OptionalDouble depletionHematocritPercent, OptionalDouble redCellUnitVolumeMl,
            java.util.OptionalInt redCellUnitsAvailable) implements ProcedureSpec {
        public RedCellExchange {
            Objects.requireNonNull(sep, "separation");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(depletionHematocritPercent, "depletionHematocritPercent");
            Objects.requireNonNull(redCellUnitVolumeMl, "redCellUnitVolumeMl");
            Objects.requireNonNull(redCellUnitsAvailable, "redCellUnitsAvailable");
            if ((mode == RedCellExchangeMode.DEPLETION_EXCHANGE) != depletionHematocritPercent.isPresent()) {
                throw new IllegalArgumentException("a depletion haematocrit is given with depletion-exchange, only");
            }
        }

        @Override
        public ProcedureType type() {
            return ProcedureType.RED_CELL_EXCHANGE;
        }

        @Override
        public Optional<Separation> separation() {
            return Optional.of(sep);
        }
    }

    /** Red cell exchange protocols (Terumo BCT: exchange, depletion, depletion/exchange; depletion alone is not planned). */
    enum RedCellExchangeMode {
        EXCHANGE("exchange"),
        DEPLETION_EXCHANGE("depletion-exchange");

        private final String code;

        RedCellExchangeMode(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<RedCellExchangeMode> fromCode(String code) {
            for (RedCellExchangeMode m : values()) {
                if (m.code.equals(code)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    /** Sedimenting agents for granulocyte collection. */
    enum SedimentingAgent {
        HES("hes"),
        NONE("none");

        private final String code;

        SedimentingAgent(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<SedimentingAgent> fromCode(String code) {
            for (SedimentingAgent s : values()) {
                if (s.code.equals(code)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }
}
