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
     * @param product the brand given, when the order names it (billing chooses the drug's code by it)
     */
    record IvigInfusion(double doseGPerKg, int days, double productPercent, Optional<IvigProduct> product)
            implements ProcedureSpec {
        public IvigInfusion {
            Objects.requireNonNull(product, "product");
        }

        /** An infusion whose order names no product. */
        public IvigInfusion(double doseGPerKg, int days, double productPercent) {
            this(doseGPerKg, days, productPercent, Optional.empty());
        }

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

    /**
     * Extracorporeal photopheresis (ECP): the separator collects a buffy coat (the treatment volume), methoxsalen is
     * added to it, it is irradiated with UVA light and returned. The blood processed is given in mL, or as bowl
     * collection cycles of a known whole blood volume each.
     *
     * @param sep separator settings
     * @param method inline (a closed system that collects, irradiates and returns, e.g. THERAKOS CELLEX) or offline
     *     (cells collected on a separator and irradiated in a separate device)
     * @param processedVolumeMl whole blood processed, mL (exclusive with the collection cycles)
     * @param collectionCycles bowl collection cycles (with {@code wholeBloodPerCollectionCycleMl})
     * @param wholeBloodPerCollectionCycleMl whole blood processed per collection cycle, mL
     * @param treatmentVolumeMl buffy coat volume treated (the separator's treatment volume), mL
     * @param uvaDoseJPerCm2 UVA dose to the treatment volume, J/cm² (empty: the offline default; inline: set by the
     *     device, not stated)
     * @param course the treatment schedule asked for, if any
     */
    record Photopheresis(Separation sep, PhotopheresisMethod method, OptionalDouble processedVolumeMl,
            java.util.OptionalInt collectionCycles, OptionalDouble wholeBloodPerCollectionCycleMl,
            double treatmentVolumeMl, OptionalDouble uvaDoseJPerCm2, Optional<PhotopheresisCourse> course)
            implements ProcedureSpec {
        public Photopheresis {
            Objects.requireNonNull(sep, "separation");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(processedVolumeMl, "processedVolumeMl");
            Objects.requireNonNull(collectionCycles, "collectionCycles");
            Objects.requireNonNull(wholeBloodPerCollectionCycleMl, "wholeBloodPerCollectionCycleMl");
            Objects.requireNonNull(uvaDoseJPerCm2, "uvaDoseJPerCm2");
            Objects.requireNonNull(course, "course");
            if (processedVolumeMl.isPresent() == collectionCycles.isPresent()) {
                throw new IllegalArgumentException("give processedVolumeMl or collectionCycles, one of them");
            }
            if (collectionCycles.isPresent() != wholeBloodPerCollectionCycleMl.isPresent()) {
                throw new IllegalArgumentException("collectionCycles needs wholeBloodPerCollectionCycleMl");
            }
            if (!(treatmentVolumeMl > 0)) {
                throw new IllegalArgumentException("treatment volume must be positive");
            }
        }

        /** Whole blood processed, mL. */
        public double wholeBloodProcessedMl() {
            return processedVolumeMl.isPresent() ? processedVolumeMl.getAsDouble()
                    : collectionCycles.getAsInt() * wholeBloodPerCollectionCycleMl.getAsDouble();
        }

        @Override
        public ProcedureType type() {
            return ProcedureType.PHOTOPHERESIS;
        }

        @Override
        public Optional<Separation> separation() {
            return Optional.of(sep);
        }
    }

    /** Inline (closed system) or offline (collect, then irradiate elsewhere) photopheresis. */
    enum PhotopheresisMethod {
        INLINE("inline"),
        OFFLINE("offline");

        private final String code;

        PhotopheresisMethod(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<PhotopheresisMethod> fromCode(String code) {
            for (PhotopheresisMethod m : values()) {
                if (m.code.equals(code)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A photopheresis treatment schedule: a regimen and the numbers it leaves open. Which numbers each regimen takes
     * is in {@link PhotopheresisRegimen}; the reader refuses the others.
     *
     * @param regimen the published schedule followed
     * @param treatmentCycles cycles (two treatments on consecutive days) to plan
     * @param cycleIntervalWeeks weeks between the starts of two cycles
     * @param treatmentsPerWeek treatments each week (acute GVHD)
     * @param weeks weeks of treatment (acute GVHD)
     * @param taperCycles monthly cycles after the first three months (chronic GVHD, if responding)
     */
    record PhotopheresisCourse(PhotopheresisRegimen regimen, java.util.OptionalInt treatmentCycles,
            java.util.OptionalInt cycleIntervalWeeks, java.util.OptionalInt treatmentsPerWeek,
            java.util.OptionalInt weeks, java.util.OptionalInt taperCycles) {
        public PhotopheresisCourse {
            Objects.requireNonNull(regimen, "regimen");
            Objects.requireNonNull(treatmentCycles, "treatmentCycles");
            Objects.requireNonNull(cycleIntervalWeeks, "cycleIntervalWeeks");
            Objects.requireNonNull(treatmentsPerWeek, "treatmentsPerWeek");
            Objects.requireNonNull(weeks, "weeks");
            Objects.requireNonNull(taperCycles, "taperCycles");
        }
    }

    /** The published photopheresis schedules the planner lays out. */
    enum PhotopheresisRegimen {
        /** UVADEX label (CTCL): two consecutive days every four weeks, at least seven cycles. */
        LABEL_CTCL("label-ctcl"),
        /** ASFA 2023, CTCL: one cycle (two days) every 2 to 4 weeks. */
        ASFA_CTCL("asfa-ctcl"),
        /** ASFA 2023, chronic GVHD: one cycle weekly or every other week for up to 3 months, then monthly. */
        ASFA_CGVHD("asfa-cgvhd"),
        /** ASFA 2023, acute GVHD: 2 to 3 treatments weekly until response (at least 8 weeks). */
        ASFA_AGVHD("asfa-agvhd");

        private final String code;

        PhotopheresisRegimen(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<PhotopheresisRegimen> fromCode(String code) {
            for (PhotopheresisRegimen r : values()) {
                if (r.code.equals(code)) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }

        /** @return all codes, for error messages */
        public static String codes() {
            return String.join(", ", java.util.Arrays.stream(values()).map(PhotopheresisRegimen::code).toList());
        }
    }

    /**
     * Adsorptive cytapheresis (granulocyte and monocyte apheresis): whole blood runs through a column that holds back
     * white cells, on the column's own pump; no separator, no replacement.
     *
     * @param column the column
     * @param processedVolumeMl whole blood through the column, mL (empty: the column's published volume)
     * @param flowMlPerMin blood flow through the column, mL/min (empty: the column's published flow, if any)
     */
    record AdsorptiveCytapheresis(AdsorptionColumn column, OptionalDouble processedVolumeMl,
            OptionalDouble flowMlPerMin) implements ProcedureSpec {
        public AdsorptiveCytapheresis {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(processedVolumeMl, "processedVolumeMl");
            Objects.requireNonNull(flowMlPerMin, "flowMlPerMin");
            if (flowMlPerMin.isEmpty() && column.flowMlPerMin().isEmpty()) {
                throw new IllegalArgumentException("column " + column.code() + " has no published flow; give one");
            }
        }

        @Override
        public ProcedureType type() {
            return ProcedureType.ADSORPTIVE_CYTAPHERESIS;
        }

        @Override
        public Optional<Separation> separation() {
            return Optional.empty();
        }
    }

    /** White cell adsorption columns, with their published session volume and flow. */
    enum AdsorptionColumn {
        /**
         * Adacolumn (cellulose acetate beads): 60 min at 30 mL/min (1,800 mL) weekly for five weeks, J Clin Apher
         * 2001;16(1):1-9, doi 10.1002/jca.1000.
         */
        ADACOLUMN("adacolumn", 1800, OptionalDouble.of(30)),
        /**
         * Cellsorba (polyester fibre filter): 3,000 mL once a week for five weeks (ASFA 2023, as transcribed);
         * the flow is UNVERIFIED, so none is assumed.
         */
        CELLSORBA("cellsorba", 3000, OptionalDouble.empty());

        private final String code;
        private final double sessionVolumeMl;
        private final OptionalDouble flowMlPerMin;

        AdsorptionColumn(String code, double sessionVolumeMl, OptionalDouble flowMlPerMin) {
            this.code = code;
            this.sessionVolumeMl = sessionVolumeMl;
            this.flowMlPerMin = flowMlPerMin;
        }

        public String code() {
            return code;
        }

        /** @return the published whole blood volume of one session, mL */
        public double sessionVolumeMl() {
            return sessionVolumeMl;
        }

        /** @return the published flow, mL/min, if one was found */
        public OptionalDouble flowMlPerMin() {
            return flowMlPerMin;
        }

        public static Optional<AdsorptionColumn> fromCode(String code) {
            for (AdsorptionColumn c : values()) {
                if (c.code.equals(code)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Immunoadsorption (IA): the separator takes plasma off, the plasma passes an adsorber column that removes IgG,
     * and the plasma returns to the patient with the cells. Nothing is discarded and nothing replaced (ASFA: "IA:
     * NA" for replacement).
     *
     * @param sep separator settings (the plasma separation)
     * @param plasmaVolumesProcessed plasma through the column in plasma volumes (exclusive with the mL)
     * @param processedPlasmaMl plasma through the column, mL
     * @param columnIggRemovalPercent share of the IgG in the plasma entering the column that it holds back, percent
     *     (per pass; from the column's instructions or the unit's measurements: no default was found)
     */
    record Immunoadsorption(Separation sep, OptionalDouble plasmaVolumesProcessed, OptionalDouble processedPlasmaMl,
            double columnIggRemovalPercent) implements ProcedureSpec {
        public Immunoadsorption {
            Objects.requireNonNull(sep, "separation");
            Objects.requireNonNull(plasmaVolumesProcessed, "plasmaVolumesProcessed");
            Objects.requireNonNull(processedPlasmaMl, "processedPlasmaMl");
            if (plasmaVolumesProcessed.isPresent() == processedPlasmaMl.isPresent()) {
                throw new IllegalArgumentException("give plasmaVolumesProcessed or processedPlasmaMl, one of them");
            }
            if (!(columnIggRemovalPercent > 0 && columnIggRemovalPercent <= 100)) {
                throw new IllegalArgumentException("column IgG removal must be in (0, 100] %");
            }
        }

        @Override
        public ProcedureType type() {
            return ProcedureType.IMMUNOADSORPTION;
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

    /**
     * The IVIG brand an order names. Only the product's identity: its concentration is the order's
     * {@code productPercent}, and the billing code of each product is data in the server's code rule table (a
     * product without a checked code there is billed by hand).
     */
    enum IvigProduct {
        PRIVIGEN("privigen", "Privigen"),
        GAMUNEX_C("gamunex-c", "Gamunex-C"),
        GAMMAKED("gammaked", "Gammaked"),
        GAMMAGARD_LIQUID("gammagard-liquid", "Gammagard Liquid"),
        /** A product not listed here: billing chooses its code by hand. */
        OTHER("other", "Another product");

        private final String code;
        private final String displayName;

        IvigProduct(String code, String displayName) {
            this.code = code;
            this.displayName = displayName;
        }

        /** @return the code the plan request writes, e.g. {@code gamunex-c} */
        public String code() {
            return code;
        }

        public String displayName() {
            return displayName;
        }

        public static Optional<IvigProduct> fromCode(String code) {
            for (IvigProduct p : values()) {
                if (p.code.equals(code)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }

        /** Every code, in order. */
        public static List<String> codes() {
            return java.util.Arrays.stream(values()).map(IvigProduct::code).toList();
        }
    }
}
