package org.openapheresis.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openapheresis.patient.Analyte;
import org.openapheresis.procedure.ProcedureSpec;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.system.Range;

/**
 * What a client needs to ask for a plan of each procedure type: the dose fields of the {@code procedure}
 * object (contract plan-v1) with their units and the ranges the reader accepts, and the labs the type cannot
 * be planned without. Built from the reader's own constants, so a form drawn from it accepts exactly what the
 * reader accepts.
 */
public final class ProcedureCatalog {

    private ProcedureCatalog() {
    }

    /** How a dose field is entered. */
    public enum Kind {
        /** One number within the range. */
        NUMBER,
        /** A list of numbers, each within the range (e.g. DLI doses). */
        NUMBER_LIST,
        /** One of the choices. */
        CHOICE;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One choice of a {@link Kind#CHOICE} field.
     *
     * @param code the contract value
     * @param name what staff read
     */
    public record Choice(String code, String name) {
    }

    /**
     * One dose field.
     *
     * @param field dotted path in the plan request, e.g. {@code procedure.plasmaVolumes}
     * @param label what the field is, for a form
     * @param unit unit of the value ({@code ""} for a choice)
     * @param kind how it is entered
     * @param range accepted values (null for a choice)
     * @param initial the value a new order starts with, as text ({@code ""} for none); the reader's own default
     *     when it has one
     * @param hint a short hint (what an empty value means), or {@code ""}
     * @param choices the choices of a choice field, else empty
     */
    public record DoseField(String field, String label, String unit, Kind kind, Range range, String initial,
            String hint, List<Choice> choices) {
        public DoseField {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(kind, "kind");
            choices = List.copyOf(choices);
        }

        static DoseField number(String field, String label, String unit, Range range, String initial, String hint) {
            return new DoseField(field, label, unit, Kind.NUMBER, range, initial, hint, List.of());
        }
    }

    /**
     * A procedure type as a client offers it.
     *
     * @param code contract code
     * @param name what staff read
     * @param onSeparator false for an infusion (no machine)
     * @param separatorSettings true when the form offers the separator's device, flow and ratio (false for an
     *     infusion and for adsorptive cytapheresis, whose column pump runs at the column's own flow)
     * @param collectsProduct true for collections (a recipient weight applies)
     * @param doseFields the dose fields, in the order a form shows them
     * @param requiredLabs lab fields (contract names) the type cannot be planned without
     */
    public record Entry(String code, String name, boolean onSeparator, boolean separatorSettings, boolean collectsProduct,
            List<DoseField> doseFields, List<String> requiredLabs) {
        public Entry {
            doseFields = List.copyOf(doseFields);
            requiredLabs = List.copyOf(requiredLabs);
        }
    }

    /** Every procedure type, in contract order. */
    public static List<Entry> all() {
        List<Entry> out = new ArrayList<>();
        for (ProcedureType t : ProcedureType.values()) {
            out.add(entry(t));
        }
        return List.copyOf(out);
    }

    /** One procedure type. */
    public static Entry entry(ProcedureType t) {
        List<String> labs = PlanRequestReader.requiredLab(t).map(Analyte::field).map(List::of).orElse(List.of());
        return new Entry(t.code(), t.displayName(), t.onSeparator(), t.separatorSettings(), t.collectsProduct(),
                doseFields(t), labs);
    }

    /** Separator settings shared by every type on a separator. */
    public static List<DoseField> separatorFields() {
        return List.of(
                new DoseField("procedure.device", "Separator", "", Kind.CHOICE, null, "continuous-flow", "",
                        List.of(new Choice("continuous-flow", "Continuous flow"),
                                new Choice("intermittent-flow", "Intermittent flow (bowl)"))),
                DoseField.number("procedure.inletFlowMlPerMin", "Inlet flow", "mL/min",
                        PlanRequestReader.INLET_FLOW_ML_PER_MIN, "", "Empty: the device's flow within the AC limit"),
                DoseField.number("procedure.acRatio", "Inlet : AC ratio", ": 1", PlanRequestReader.AC_RATIO, "",
                        "Empty: the procedure's default"));
    }

    /** The IVIG products an order may name, with a first choice that names none. */
    private static List<Choice> ivigProducts() {
        List<Choice> out = new ArrayList<>();
        out.add(new Choice("", "Not named (billing codes the drug by hand)"));
        for (ProcedureSpec.IvigProduct p : ProcedureSpec.IvigProduct.values()) {
            out.add(new Choice(p.code(), p.displayName()));
        }
        return out;
    }

    private static List<DoseField> doseFields(ProcedureType t) {
        DoseField bvp = DoseField.number("procedure.bloodVolumesProcessed", "Blood volumes to process", "TBV",
                PlanRequestReader.BLOOD_VOLUMES_PROCESSED, "", "Or leave empty and give a target");
        DoseField ce = DoseField.number("procedure.collectionEfficiencyPercent", "Collection efficiency (CE2)", "%",
                PlanRequestReader.COLLECTION_EFFICIENCY_PERCENT, "", "Empty: the separator's default");
        return switch (t) {
            case PLASMA_EXCHANGE -> List.of(
                    DoseField.number("procedure.plasmaVolumes", "Plasma volumes to exchange", "PV",
                            PlanRequestReader.PLASMA_VOLUMES, "1.0", "Usually 1.0-1.5"),
                    DoseField.number("procedure.replacement.albuminPercent", "Albumin 5 % in replacement", "%",
                            PlanRequestReader.PERCENT, "100", ""),
                    DoseField.number("procedure.replacement.plasmaPercent", "Donor plasma in replacement", "%",
                            PlanRequestReader.PERCENT, "0", ""),
                    DoseField.number("procedure.fluidBalancePercent", "Fluid balance", "%",
                            PlanRequestReader.FLUID_BALANCE_PERCENT, "100", "Replacement as % of plasma removed"));
            case LEUKOCYTAPHERESIS -> List.of(
                    DoseField.number(bvp.field(), bvp.label(), bvp.unit(), bvp.range(), "2.0", bvp.hint()),
                    DoseField.number("procedure.target.wbcE9PerL", "Target white cell count after", "x10^9/L",
                            PlanRequestReader.TARGET_WBC_E9_PER_L, "", "Or a volume to process"));
            case HPC_COLLECTION -> List.of(bvp,
                    DoseField.number("procedure.target.cd34PerKg", "Target CD34+ per recipient kg", "/kg",
                            PlanRequestReader.TARGET_CD34_PER_KG, "5e6", "e.g. 5e6"), ce);
            case LYMPHOCYTE_COLLECTION -> List.of(bvp,
                    new DoseField("procedure.target.cd3PerKgDoses", "Target CD3+ doses per recipient kg", "/kg",
                            Kind.NUMBER_LIST, PlanRequestReader.TARGET_CD3_PER_KG, "1e6, 5e6, 1e7",
                            "One per planned infusion, separated by commas", List.of()), ce);
            case GRANULOCYTE_COLLECTION -> List.of(bvp,
                    DoseField.number("procedure.target.granulocytes", "Target granulocytes", "cells",
                            PlanRequestReader.TARGET_GRANULOCYTES, "4e10", "e.g. 4e10"),
                    new DoseField("procedure.sedimentingAgent", "Sedimenting agent", "", Kind.CHOICE, null, "hes", "",
                            List.of(new Choice("hes", "HES (hydroxyethyl starch)"), new Choice("none", "None"))), ce);
            case IVIG_INFUSION -> List.of(
                    DoseField.number("procedure.doseGPerKg", "Total dose", "g/kg", PlanRequestReader.IVIG_DOSE_G_PER_KG,
                            "2.0", ""),
                    DoseField.number("procedure.days", "Over", "days", PlanRequestReader.IVIG_DAYS, "5", ""),
                    DoseField.number("procedure.productPercent", "Product strength", "%",
                            PlanRequestReader.IVIG_PRODUCT_PERCENT, "10", ""),
                    new DoseField("procedure.product", "Product", "", Kind.CHOICE, null, "",
                            "The brand given; billing codes the drug by it", ivigProducts()));
            case RED_CELL_EXCHANGE -> List.of(
                    new DoseField("procedure.mode", "Protocol", "", Kind.CHOICE, null, "exchange", "",
                            List.of(new Choice("exchange", "Exchange"),
                                    new Choice("depletion-exchange", "Depletion, then exchange"))),
                    DoseField.number("procedure.targetHbsPercent", "Target HbS after", "%",
                            PlanRequestReader.TARGET_HBS_PERCENT, "30", "Percent of total haemoglobin"),
                    DoseField.number("procedure.targetHematocritPercent", "Target haematocrit after", "%",
                            PlanRequestReader.RCX_HEMATOCRIT_PERCENT, "", ""),
                    DoseField.number("procedure.replacementHematocritPercent", "Haematocrit of the donor units", "%",
                            PlanRequestReader.REPLACEMENT_HEMATOCRIT_PERCENT, "", "From the blood bank"),
                    DoseField.number("procedure.depletionHematocritPercent", "Deplete to haematocrit", "%",
                            PlanRequestReader.RCX_HEMATOCRIT_PERCENT, "", "Depletion, then exchange only"),
                    DoseField.number("procedure.redCellUnitVolumeMl", "Mean unit volume", "mL",
                            PlanRequestReader.RED_CELL_UNIT_VOLUME_ML, "", "Empty: 300 mL"),
                    DoseField.number("procedure.redCellUnitsAvailable", "Units available", "units",
                            PlanRequestReader.RED_CELL_UNITS_AVAILABLE, "", "Empty: not checked"));
            case PHOTOPHERESIS -> List.of(
                    new DoseField("procedure.method", "Method", "", Kind.CHOICE, null, "offline", "",
                            List.of(new Choice("offline", "Offline (collect, then irradiate)"),
                                    new Choice("inline", "Inline (closed system)"))),
                    DoseField.number("procedure.processedVolumeMl", "Whole blood to process", "mL",
                            PlanRequestReader.ECP_PROCESSED_VOLUME_ML, "", "Or collection cycles below"),
                    DoseField.number("procedure.collectionCycles", "Collection cycles", "cycles",
                            PlanRequestReader.COLLECTION_CYCLES, "", "With the whole blood per cycle"),
                    DoseField.number("procedure.wholeBloodPerCollectionCycleMl", "Whole blood per cycle", "mL",
                            PlanRequestReader.WHOLE_BLOOD_PER_COLLECTION_CYCLE_ML, "", ""),
                    DoseField.number("procedure.treatmentVolumeMl", "Treatment (buffy coat) volume", "mL",
                            PlanRequestReader.TREATMENT_VOLUME_ML, "", "From the separator; sets the methoxsalen dose"),
                    DoseField.number("procedure.uvaDoseJPerCm2", "UVA dose", "J/cm²", PlanRequestReader.UVA_DOSE_J_PER_CM2,
                            "", "Empty: offline 2 J/cm²; inline: set by the device"),
                    new DoseField("procedure.regimen", "Schedule", "", Kind.CHOICE, null, "", "",
                            List.of(new Choice("", "None"), new Choice("label-ctcl", "UVADEX label (CTCL)"),
                                    new Choice("asfa-ctcl", "ASFA: CTCL"),
                                    new Choice("asfa-cgvhd", "ASFA: chronic GVHD"),
                                    new Choice("asfa-agvhd", "ASFA: acute GVHD"))),
                    DoseField.number("procedure.treatmentCycles", "Cycles", "cycles", PlanRequestReader.TREATMENT_CYCLES,
                            "", "Label: at least 7; ASFA CTCL"),
                    DoseField.number("procedure.cycleIntervalWeeks", "A cycle every", "weeks", Range.of(1, 4), "",
                            "ASFA CTCL 2-4; chronic GVHD 1-2"),
                    DoseField.number("procedure.treatmentsPerWeek", "Treatments a week", "",
                            PlanRequestReader.TREATMENTS_PER_WEEK, "", "Acute GVHD: 2-3"),
                    DoseField.number("procedure.weeks", "For", "weeks", PlanRequestReader.AGVHD_WEEKS, "",
                            "Acute GVHD; empty: 8"),
                    DoseField.number("procedure.taperCycles", "Monthly cycles after 3 months", "cycles",
                            PlanRequestReader.TAPER_CYCLES, "", "Chronic GVHD, if responding; empty: 0"));
            case ADSORPTIVE_CYTAPHERESIS -> List.of(
                    new DoseField("procedure.column", "Column", "", Kind.CHOICE, null, "adacolumn", "",
                            List.of(new Choice("adacolumn", "Adacolumn"), new Choice("cellsorba", "Cellsorba"))),
                    DoseField.number("procedure.processedVolumeMl", "Blood through the column", "mL",
                            PlanRequestReader.COLUMN_PROCESSED_VOLUME_ML, "",
                            "Empty: Adacolumn 1,800 mL, Cellsorba 3,000 mL"),
                    DoseField.number("procedure.flowMlPerMin", "Flow", "mL/min", PlanRequestReader.COLUMN_FLOW_ML_PER_MIN,
                            "", "Empty: Adacolumn 30 mL/min; Cellsorba: required"));
            case IMMUNOADSORPTION -> List.of(
                    DoseField.number("procedure.plasmaVolumesProcessed", "Plasma volumes through the column", "PV",
                            PlanRequestReader.IA_PLASMA_VOLUMES, "", "Or the plasma in mL below"),
                    DoseField.number("procedure.processedPlasmaMl", "Plasma through the column", "mL",
                            PlanRequestReader.IA_PROCESSED_PLASMA_ML, "", ""),
                    DoseField.number("procedure.columnIggRemovalPercent", "Column IgG removal per pass", "%",
                            PlanRequestReader.COLUMN_IGG_REMOVAL_PERCENT, "",
                            "From the column's instructions; no default"));
        };
    }

    /** The dose field at a path, if any type has one. */
    public static Optional<DoseField> field(ProcedureType t, String path) {
        return entry(t).doseFields().stream().filter(f -> f.field().equals(path)).findFirst();
    }
}
