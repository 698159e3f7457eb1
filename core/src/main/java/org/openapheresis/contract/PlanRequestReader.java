package org.openapheresis.contract;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.openapheresis.patient.Analyte;
import org.openapheresis.patient.Labs;
import org.openapheresis.patient.Patient;
import org.openapheresis.patient.Sex;
import org.openapheresis.procedure.CalciumSupplement;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.ProcedureSpec;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.procedure.Replacement;
import org.openapheresis.procedure.Separation;
import org.openapheresis.separator.Anticoagulant;
import org.openapheresis.separator.Device;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;
import org.openapheresis.system.Range;

/**
 * Reads a plan request (contract plan-v1) from a JSON tree. Every field is checked for presence, type and
 * physiological range; every problem is collected and thrown together in one {@link InvalidInputException}.
 * Unknown fields are problems too, so a misspelt field is never silently ignored.
 */
public final class PlanRequestReader {

    /** Inlet flows accepted before the device's own range is applied, mL/min. */
    public static final Range INLET_FLOW_ML_PER_MIN = Range.of(1, 250);
    /** Inlet:AC ratio, the Spectra Optia setting range 6-15 (operator's manual, Table 4-13). */
    public static final Range AC_RATIO = Range.of(6, 15);
    /** Plasma volumes per exchange. Typical 1.0-1.5 (ASFA); up to 3 accepted. */
    public static final Range PLASMA_VOLUMES = Range.of(0.1, 3);
    /** Exchange volume, mL. */
    public static final Range EXCHANGE_VOLUME_ML = Range.of(20, 15000);
    /** Fluid balance, percent of removed plasma replaced. */
    public static final Range FLUID_BALANCE_PERCENT = Range.of(50, 150);
    /** Percent. */
    public static final Range PERCENT = Range.of(0, 100);
    /** Blood volumes processed, the Spectra Optia range 0.5-5 TBV (manual Table 4-13). */
    public static final Range BLOOD_VOLUMES_PROCESSED = Range.of(0.5, 5);
    /** Collection efficiency CE2, percent. */
    public static final Range COLLECTION_EFFICIENCY_PERCENT = Range.of(1, 100);
    /** Target post-procedure WBC, 10^9/L. */
    public static final Range TARGET_WBC_E9_PER_L = Range.of(1, 1000);
    /** Target CD34+ per recipient kg. */
    public static final Range TARGET_CD34_PER_KG = Range.of(1e5, 1e8);
    /** One planned CD3+ dose per recipient kg. */
    public static final Range TARGET_CD3_PER_KG = Range.of(1e4, 1e9);
    /** Target granulocytes, cells. */
    public static final Range TARGET_GRANULOCYTES = Range.of(1e8, 1e12);
    /** Total IVIG dose, g/kg (2 g/kg is the usual immunomodulatory total). */
    public static final Range IVIG_DOSE_G_PER_KG = Range.of(0.1, 3);
    /** Days an IVIG dose is split over (labels: 2-5 days; 1 day in some indications). */
    public static final Range IVIG_DAYS = Range.of(1, 7);
    /** IVIG product concentration, percent (5% and 10% intravenous products; 20% is subcutaneous). */
    public static final Range IVIG_PRODUCT_PERCENT = Range.of(3, 20);
    /** Target HbS at the end of a red cell exchange, percent of total haemoglobin. */
    public static final Range TARGET_HBS_PERCENT = Range.of(1, 95);
    /** Target haematocrit at the end of a red cell exchange, percent. */
    public static final Range RCX_HEMATOCRIT_PERCENT = Range.of(15, 45);
    /**
     * Haematocrit of donor red cell units, percent: packed red cells are usually 70-80% (medicalalgorithms.com,
     * after Wayne et al.), units in additive solution lower; 40-90 accepted.
     */
    public static final Range REPLACEMENT_HEMATOCRIT_PERCENT = Range.of(40, 90);
    /** Mean volume of one donor red cell unit, mL. */
    public static final Range RED_CELL_UNIT_VOLUME_ML = Range.of(100, 500);
    /** Donor red cell units ready. */
    public static final Range RED_CELL_UNITS_AVAILABLE = Range.of(0, 60);
    /** Whole blood processed by a photopheresis, mL (CELLEX 1,500 mL in a published GVHD study). */
    public static final Range ECP_PROCESSED_VOLUME_ML = Range.of(200, 10000);
    /** Bowl collection cycles of a photopheresis (UVAR XTS: 5 with the small bowl in a published study). */
    public static final Range COLLECTION_CYCLES = Range.of(1, 20);
    /** Whole blood processed per collection cycle, mL. */
    public static final Range WHOLE_BLOOD_PER_COLLECTION_CYCLE_ML = Range.of(50, 2000);
    /** Buffy coat (treatment) volume of a photopheresis, mL (the UVADEX label's example: 240 mL). */
    public static final Range TREATMENT_VOLUME_ML = Range.of(20, 1000);
    /** UVA dose, J/cm² (offline 2 J/cm²; 1-2 J/cm² in a payer policy). */
    public static final Range UVA_DOSE_J_PER_CM2 = Range.of(0.1, 10);
    /** Photopheresis cycles (two consecutive days each) of a regimen. */
    public static final Range TREATMENT_CYCLES = Range.of(1, 30);
    /** Cycles of the label's schedule: at least seven. */
    public static final Range LABEL_TREATMENT_CYCLES = Range.of(7, 30);
    /** ASFA CTCL: one cycle every 2 to 4 weeks. */
    public static final Range CTCL_CYCLE_INTERVAL_WEEKS = Range.of(2, 4);
    /** ASFA chronic GVHD: one cycle weekly or every other week. */
    public static final Range CGVHD_CYCLE_INTERVAL_WEEKS = Range.of(1, 2);
    /** ASFA chronic GVHD: monthly cycles after the first three months. */
    public static final Range TAPER_CYCLES = Range.of(0, 24);
    /** ASFA acute GVHD: 2 to 3 treatments a week. */
    public static final Range TREATMENTS_PER_WEEK = Range.of(2, 3);
    /** ASFA acute GVHD: at least 8 weeks. */
    public static final Range AGVHD_WEEKS = Range.of(8, 52);
    /** Whole blood through a white cell adsorption column, mL (3,260 ± 581 mL at 60 mL/kg in one trial). */
    public static final Range COLUMN_PROCESSED_VOLUME_ML = Range.of(500, 6000);
    /** Blood flow through a white cell adsorption column, mL/min (Adacolumn: 30). */
    public static final Range COLUMN_FLOW_ML_PER_MIN = Range.of(10, 100);
    /** Plasma volumes through an immunoadsorption column (ASFA: up to 2.5 TPV, 2-4 TPV in some sheets). */
    public static final Range IA_PLASMA_VOLUMES = Range.of(0.5, 5);
    /** Plasma through an immunoadsorption column, mL (ASFA: 2-2.5 L for tryptophan columns, 2.5-5 L in DCM). */
    public static final Range IA_PROCESSED_PLASMA_ML = Range.of(200, 20000);
    /** Share of the entering IgG an immunoadsorption column holds back per pass, percent. */
    public static final Range COLUMN_IGG_REMOVAL_PERCENT = Range.of(1, 100);
    /** Recipient weight, kg. */
    public static final Range RECIPIENT_WEIGHT_KG = Patient.WEIGHT_KG;

    private static final String[] SEPARATION_KEYS = {"device", "inletFlowMlPerMin", "acRatio", "anticoagulant",
        "calcium"};

    private PlanRequestReader() {
    }

    /**
     * Reads a whole plan request.
     *
     * @param root the parsed JSON (a map)
     * @throws InvalidInputException with every problem found
     */
    public static PlanRequest read(Object root) {
        List<Problem> problems = new ArrayList<>();
        Optional<Node> node = Node.object(root, "", problems);
        PlanRequest request = node.map(n -> {
            Header h = readInto(n, true);
            n.rejectUnknown();
            return h == null ? null : new PlanRequest(h.patient(), h.recipientWeightKg(), h.procedure().orElseThrow());
        }).orElse(null);
        if (!problems.isEmpty() || request == null) {
            throw new InvalidInputException(problems);
        }
        return request;
    }

    /**
     * Reads the patient, recipient and (when {@code procedureRequired}) the procedure of a request node; the
     * caller reads any further keys and calls {@link Node#rejectUnknown()}. Returns null when problems were
     * found (they are in the node's list).
     */
    static Header readInto(Node n, boolean procedureRequired) {
        Optional<Patient> patient = n.child("patient", true).flatMap(PlanRequestReader::patient);
        OptionalDouble recipientWeight = OptionalDouble.empty();
        Optional<Node> recipient = n.child("recipient", false);
        if (recipient.isPresent()) {
            recipientWeight = recipient.get().number("weightKg", RECIPIENT_WEIGHT_KG, true);
            recipient.get().rejectUnknown();
        }
        Optional<ProcedureSpec> procedure = Optional.empty();
        if (procedureRequired || n.has("procedure")) {
            procedure = n.child("procedure", true).flatMap(PlanRequestReader::procedure);
        }
        if (patient.isPresent() && procedure.isPresent()) {
            requireLabs(patient.get(), procedure.get(), n.problems());
        }
        if (patient.isEmpty() || (procedureRequired && procedure.isEmpty()) || hasProblems(n)) {
            return null;
        }
        return new Header(patient.get(), recipientWeight, procedure);
    }

    /** The parts of a request shared by plans and courses. */
    record Header(Patient patient, OptionalDouble recipientWeightKg, Optional<ProcedureSpec> procedure) {
    }

    private static boolean hasProblems(Node n) {
        return !n.problems().isEmpty();
    }

    /** The pre-procedure lab a procedure type cannot be planned without, if any. */
    public static Optional<Analyte> requiredLab(ProcedureType type) {
        return Optional.ofNullable(switch (type) {
            case LEUKOCYTAPHERESIS -> Analyte.WBC;
            case HPC_COLLECTION -> Analyte.CD34;
            case LYMPHOCYTE_COLLECTION -> Analyte.CD3;
            case GRANULOCYTE_COLLECTION -> Analyte.NEUTROPHILS;
            case RED_CELL_EXCHANGE -> Analyte.HBS;
            case PLASMA_EXCHANGE, IVIG_INFUSION, PHOTOPHERESIS, ADSORPTIVE_CYTAPHERESIS, IMMUNOADSORPTION -> null;
        });
    }

    /** Labs that a procedure type needs: a problem at {@code patient.labs.<field>} when absent. */
    public static void requireLabs(Patient p, ProcedureSpec spec, List<Problem> problems) {
        requiredLab(spec.type()).filter(needed -> !p.labs().has(needed)).ifPresent(needed -> problems.add(
                Problem.of("patient.labs." + needed.field(), MessageKey.LAB_REQUIRED_FOR_PROCEDURE,
                        spec.type().code())));
    }

    /**
     * Reads a {@code procedure} object alone (an order's procedure, planned later against the patient record).
     *
     * @param field the field path of the object in its request, e.g. {@code procedure}
     * @throws InvalidInputException with every problem found
     */
    public static ProcedureSpec readProcedure(Object tree, String field) {
        List<Problem> problems = new ArrayList<>();
        Optional<ProcedureSpec> spec = Node.object(tree, field, problems).flatMap(PlanRequestReader::procedure);
        if (!problems.isEmpty() || spec.isEmpty()) {
            throw new InvalidInputException(problems.isEmpty()
                    ? List.of(Problem.of(field, MessageKey.REQUIRED)) : problems);
        }
        return spec.get();
    }

    /**
     * Reads a {@code patient} object alone.
     *
     * @throws InvalidInputException with every problem found
     */
    public static Patient readPatient(Object tree) {
        List<Problem> problems = new ArrayList<>();
        Optional<Patient> p = Node.object(tree, "patient", problems).flatMap(PlanRequestReader::patient);
        if (!problems.isEmpty() || p.isEmpty()) {
            throw new InvalidInputException(problems.isEmpty()
                    ? List.of(Problem.of("patient", MessageKey.REQUIRED)) : problems);
        }
        return p.get();
    }

    static Optional<Patient> patient(Node n) {
        int before = n.problems().size();
        Optional<Sex> sex = n.text("sex", true).flatMap(s -> {
            Optional<Sex> parsed = Sex.fromCode(s);
            if (parsed.isEmpty()) {
                n.problems().add(Problem.of(n.field("sex"), MessageKey.NOT_ONE_OF, s, "male, female"));
            }
            return parsed;
        });
        OptionalDouble age = n.number("ageYears", Patient.AGE_YEARS, false);
        OptionalDouble height = n.number("heightCm", Patient.HEIGHT_CM, true);
        OptionalDouble weight = n.number("weightKg", Patient.WEIGHT_KG, true);
        OptionalDouble hct = n.number("hematocritPercent", Patient.HEMATOCRIT_PERCENT, true);
        OptionalDouble bv = n.number("bloodVolumeMl", Patient.BLOOD_VOLUME_ML, false);
        Labs labs = Labs.none();
        if (n.has("labs")) {
            labs = n.child("labs", false).map(PlanRequestReader::labs).orElse(Labs.none());
        }
        n.rejectUnknown();
        if (n.problems().size() > before || sex.isEmpty() || height.isEmpty() || weight.isEmpty() || hct.isEmpty()) {
            return Optional.empty();
        }
        List<Problem> cross = Patient.problems(age, height.getAsDouble(), weight.getAsDouble(), hct.getAsDouble(), bv);
        if (!cross.isEmpty()) {
            n.problems().addAll(cross);
            return Optional.empty();
        }
        return Optional.of(new Patient(sex.get(), age, height.getAsDouble(), weight.getAsDouble(), hct.getAsDouble(),
                bv, labs));
    }

    static Labs labs(Node n) {
        Map<Analyte, Double> values = new EnumMap<>(Analyte.class);
        for (Analyte a : Analyte.values()) {
            n.number(a.field(), a.range(), false).ifPresent(v -> values.put(a, v));
        }
        n.rejectUnknown();
        return new Labs(values);
    }

    /** Reads a {@code procedure} object. */
    static Optional<ProcedureSpec> procedure(Node n) {
        int before = n.problems().size();
        Optional<ProcedureType> type = n.text("type", true).flatMap(t -> {
            Optional<ProcedureType> parsed = ProcedureType.fromCode(t);
            if (parsed.isEmpty()) {
                n.problems().add(Problem.of(n.field("type"), MessageKey.NOT_ONE_OF, t,
                        String.join(", ", ProcedureType.codes())));
            }
            return parsed;
        });
        if (type.isEmpty()) {
            // Without a known type the other keys cannot be judged; the type problem is the one to fix.
            return Optional.empty();
        }
        ProcedureSpec spec = switch (type.get()) {
            case PLASMA_EXCHANGE -> plasmaExchange(n);
            case LEUKOCYTAPHERESIS -> new ProcedureSpec.Leukocytapheresis(separation(n, type.get()),
                    n.number("bloodVolumesProcessed", BLOOD_VOLUMES_PROCESSED, false),
                    exclusiveTarget(n, "wbcE9PerL", TARGET_WBC_E9_PER_L));
            case HPC_COLLECTION -> new ProcedureSpec.HpcCollection(separation(n, type.get()),
                    n.number("bloodVolumesProcessed", BLOOD_VOLUMES_PROCESSED, false),
                    exclusiveTarget(n, "cd34PerKg", TARGET_CD34_PER_KG),
                    n.number("collectionEfficiencyPercent", COLLECTION_EFFICIENCY_PERCENT, false));
            case LYMPHOCYTE_COLLECTION -> new ProcedureSpec.LymphocyteCollection(separation(n, type.get()),
                    n.number("bloodVolumesProcessed", BLOOD_VOLUMES_PROCESSED, false), cd3Doses(n),
                    n.number("collectionEfficiencyPercent", COLLECTION_EFFICIENCY_PERCENT, false));
            case GRANULOCYTE_COLLECTION -> new ProcedureSpec.GranulocyteCollection(separation(n, type.get()),
                    sedimentingAgent(n),
                    n.number("bloodVolumesProcessed", BLOOD_VOLUMES_PROCESSED, false),
                    exclusiveTarget(n, "granulocytes", TARGET_GRANULOCYTES),
                    n.number("collectionEfficiencyPercent", COLLECTION_EFFICIENCY_PERCENT, false));
            case IVIG_INFUSION -> ivig(n);
            case RED_CELL_EXCHANGE -> redCellExchange(n);
            case PHOTOPHERESIS -> photopheresis(n);
            case ADSORPTIVE_CYTAPHERESIS -> adsorptiveCytapheresis(n);
            case IMMUNOADSORPTION -> immunoadsorption(n);
        };
        n.rejectUnknown();
        return n.problems().size() > before || spec == null ? Optional.empty() : Optional.of(spec);
    }

    private static ProcedureSpec plasmaExchange(Node n) {
        Separation sep = separation(n, ProcedureType.PLASMA_EXCHANGE);
        OptionalDouble pv = n.number("plasmaVolumes", PLASMA_VOLUMES, false);
        OptionalDouble ml = n.number("exchangeVolumeMl", EXCHANGE_VOLUME_ML, false);
        if (pv.isPresent() && ml.isPresent()) {
            n.problems().add(Problem.of(n.field("exchangeVolumeMl"), MessageKey.MUTUALLY_EXCLUSIVE,
                    n.field("plasmaVolumes")));
        }
        Replacement replacement = Replacement.allAlbumin();
        Optional<Node> r = n.child("replacement", false);
        if (r.isPresent()) {
            OptionalDouble alb = r.get().number("albuminPercent", PERCENT, false);
            OptionalDouble pla = r.get().number("plasmaPercent", PERCENT, false);
            r.get().rejectUnknown();
            double a = alb.isPresent() ? alb.getAsDouble() : (pla.isPresent() ? 100 - pla.getAsDouble() : 100);
            double p = pla.isPresent() ? pla.getAsDouble() : 100 - a;
            if (Math.abs(a + p - 100) > 1e-6) {
                n.problems().add(Problem.of(r.get().path(), MessageKey.PERCENT_SUM_NOT_100, a + p));
            } else if (a >= 0 && p >= 0) {
                replacement = new Replacement(a, p);
            }
        }
        OptionalDouble fb = n.number("fluidBalancePercent", FLUID_BALANCE_PERCENT, false);
        if (sep == null || (pv.isPresent() && ml.isPresent())) {
            return null;
        }
        return new ProcedureSpec.PlasmaExchange(sep, pv, ml, replacement, fb.orElse(100));
    }

    /**
     * Reads the separator keys; returns null if any is wrong (the problem is recorded).
     *
     * @param type the procedure type (only a plasma exchange has a return fluid that may carry calcium)
     */
    private static Separation separation(Node n, ProcedureType type) {
        int before = n.problems().size();
        Device device = Device.CONTINUOUS_FLOW;
        Optional<String> d = n.text("device", false);
        if (d.isPresent()) {
            Optional<Device> parsed = Device.fromCode(d.get());
            if (parsed.isEmpty()) {
                n.problems().add(Problem.of(n.field("device"), MessageKey.NOT_ONE_OF, d.get(),
                        "continuous-flow, intermittent-flow"));
            } else {
                device = parsed.get();
            }
        }
        OptionalDouble inlet = n.number("inletFlowMlPerMin", INLET_FLOW_ML_PER_MIN, false);
        OptionalDouble ratio = n.number("acRatio", AC_RATIO, false);
        Anticoagulant ac = Anticoagulant.ACD_A;
        Optional<String> a = n.text("anticoagulant", false);
        if (a.isPresent()) {
            Optional<Anticoagulant> parsed = Anticoagulant.fromCode(a.get());
            if (parsed.isEmpty()) {
                n.problems().add(Problem.of(n.field("anticoagulant"), MessageKey.NOT_ONE_OF, a.get(), "ACD-A"));
            } else {
                ac = parsed.get();
            }
        }
        CalciumSupplement calcium = calcium(n, type);
        return n.problems().size() > before ? null : new Separation(device, inlet, ratio, ac, calcium);
    }

    /** The optional {@code calcium} object: calcium in the albumin return fluid and a separate infusion. */
    private static CalciumSupplement calcium(Node n, ProcedureType type) {
        Optional<Node> c = n.child("calcium", false);
        if (c.isEmpty()) {
            return CalciumSupplement.none();
        }
        Node node = c.get();
        OptionalDouble inReplacement = OptionalDouble.empty();
        if (type == ProcedureType.PLASMA_EXCHANGE) {
            inReplacement = node.number("inReplacementMmolPerL", CalciumSupplement.IN_REPLACEMENT_MMOL_PER_L, false);
        } else if (node.has("inReplacementMmolPerL")) {
            n.problems().add(Problem.of(node.field("inReplacementMmolPerL"), MessageKey.NOT_APPLICABLE,
                    type.code()));
        }
        OptionalDouble infusion = node.number("infusionMmolPerHour", CalciumSupplement.INFUSION_MMOL_PER_HOUR, false);
        node.rejectUnknown();
        return new CalciumSupplement(inReplacement.orElse(0), infusion.orElse(0));
    }

    /** A single-number target under {@code target}, exclusive with {@code bloodVolumesProcessed}. */
    private static OptionalDouble exclusiveTarget(Node n, String key, Range range) {
        Optional<Node> t = n.child("target", false);
        if (t.isEmpty()) {
            return OptionalDouble.empty();
        }
        OptionalDouble v = t.get().number(key, range, true);
        t.get().rejectUnknown();
        if (v.isPresent() && n.has("bloodVolumesProcessed")) {
            n.problems().add(Problem.of(n.field("bloodVolumesProcessed"), MessageKey.MUTUALLY_EXCLUSIVE,
                    t.get().field(key)));
        }
        return v;
    }

    private static List<Double> cd3Doses(Node n) {
        Optional<Node> t = n.child("target", false);
        if (t.isEmpty()) {
            return List.of();
        }
        List<Double> doses = new ArrayList<>();
        Optional<List<?>> list = t.get().list("cd3PerKgDoses", true);
        t.get().rejectUnknown();
        if (list.isPresent()) {
            for (int i = 0; i < list.get().size(); i++) {
                String field = t.get().field("cd3PerKgDoses") + "[" + i + "]";
                Object v = list.get().get(i);
                if (v == null) {
                    n.problems().add(Problem.of(field, MessageKey.REQUIRED));
                    continue;
                }
                OptionalDouble d = t.get().toDouble(v, field);
                if (d.isPresent()) {
                    TARGET_CD3_PER_KG.check(field, d.getAsDouble()).ifPresentOrElse(n.problems()::add,
                            () -> doses.add(d.getAsDouble()));
                }
            }
            if (n.has("bloodVolumesProcessed")) {
                n.problems().add(Problem.of(n.field("bloodVolumesProcessed"), MessageKey.MUTUALLY_EXCLUSIVE,
                        t.get().field("cd3PerKgDoses")));
            }
        }
        return doses;
    }

    private static ProcedureSpec.SedimentingAgent sedimentingAgent(Node n) {
        Optional<String> s = n.text("sedimentingAgent", false);
        if (s.isEmpty()) {
            return ProcedureSpec.SedimentingAgent.NONE;
        }
        Optional<ProcedureSpec.SedimentingAgent> parsed = ProcedureSpec.SedimentingAgent.fromCode(s.get());
        if (parsed.isEmpty()) {
            n.problems().add(Problem.of(n.field("sedimentingAgent"), MessageKey.NOT_ONE_OF, s.get(), "hes, none"));
            return ProcedureSpec.SedimentingAgent.NONE;
        }
        return parsed.get();
    }

    private static ProcedureSpec redCellExchange(Node n) {
        Separation sep = separation(n, ProcedureType.RED_CELL_EXCHANGE);
        ProcedureSpec.RedCellExchangeMode mode = ProcedureSpec.RedCellExchangeMode.EXCHANGE;
        Optional<String> m = n.text("mode", false);
        boolean modeOk = true;
        if (m.isPresent()) {
            Optional<ProcedureSpec.RedCellExchangeMode> parsed = ProcedureSpec.RedCellExchangeMode.fromCode(m.get());
            if (parsed.isEmpty()) {
                n.problems().add(Problem.of(n.field("mode"), MessageKey.NOT_ONE_OF, m.get(),
                        "exchange, depletion-exchange"));
                modeOk = false;
            } else {
                mode = parsed.get();
            }
        }
        OptionalDouble hbs = n.number("targetHbsPercent", TARGET_HBS_PERCENT, true);
        OptionalDouble hct = n.number("targetHematocritPercent", RCX_HEMATOCRIT_PERCENT, true);
        OptionalDouble unitHct = n.number("replacementHematocritPercent", REPLACEMENT_HEMATOCRIT_PERCENT, true);
        OptionalDouble depletion = OptionalDouble.empty();
        boolean depletionOk = true;
        if (mode == ProcedureSpec.RedCellExchangeMode.DEPLETION_EXCHANGE) {
            depletion = n.number("depletionHematocritPercent", RCX_HEMATOCRIT_PERCENT, false);
            if (depletion.isEmpty() && !n.has("depletionHematocritPercent")) {
                n.problems().add(Problem.of(n.field("depletionHematocritPercent"), MessageKey.REQUIRED_WHEN,
                        "with mode depletion-exchange"));
            }
            depletionOk = depletion.isPresent();
        } else if (n.has("depletionHematocritPercent")) {
            n.problems().add(Problem.of(n.field("depletionHematocritPercent"), MessageKey.NOT_APPLICABLE,
                    "red-cell-exchange with mode exchange"));
            depletionOk = false;
        }
        OptionalDouble unitVolume = n.number("redCellUnitVolumeMl", RED_CELL_UNIT_VOLUME_ML, false);
        OptionalInt available = n.integer("redCellUnitsAvailable", RED_CELL_UNITS_AVAILABLE, false);
        if (sep == null || !modeOk || !depletionOk || hbs.isEmpty() || hct.isEmpty() || unitHct.isEmpty()) {
            return null;
        }
        return new ProcedureSpec.RedCellExchange(sep, mode, hbs.getAsDouble(), hct.getAsDouble(),
                unitHct.getAsDouble(), depletion, unitVolume, available);
    }

    private static ProcedureSpec photopheresis(Node n) {
        int before = n.problems().size();
        Separation sep = separation(n, ProcedureType.PHOTOPHERESIS);
        Optional<ProcedureSpec.PhotopheresisMethod> method = n.text("method", true).flatMap(m -> {
            Optional<ProcedureSpec.PhotopheresisMethod> parsed = ProcedureSpec.PhotopheresisMethod.fromCode(m);
            if (parsed.isEmpty()) {
                n.problems().add(Problem.of(n.field("method"), MessageKey.NOT_ONE_OF, m, "inline, offline"));
            }
            return parsed;
        });
        OptionalDouble processed = n.number("processedVolumeMl", ECP_PROCESSED_VOLUME_ML, false);
        OptionalInt cycles = n.integer("collectionCycles", COLLECTION_CYCLES, false);
        OptionalDouble perCycle = OptionalDouble.empty();
        if (n.has("processedVolumeMl") && n.has("collectionCycles")) {
            n.problems().add(Problem.of(n.field("collectionCycles"), MessageKey.MUTUALLY_EXCLUSIVE,
                    n.field("processedVolumeMl")));
        } else if (!n.has("processedVolumeMl") && !n.has("collectionCycles")) {
            n.problems().add(Problem.of(n.field("processedVolumeMl"), MessageKey.REQUIRED_WHEN,
                    "(or collectionCycles with wholeBloodPerCollectionCycleMl)"));
        }
        if (n.has("collectionCycles")) {
            perCycle = n.number("wholeBloodPerCollectionCycleMl", WHOLE_BLOOD_PER_COLLECTION_CYCLE_ML, false);
            if (!n.has("wholeBloodPerCollectionCycleMl")) {
                n.problems().add(Problem.of(n.field("wholeBloodPerCollectionCycleMl"), MessageKey.REQUIRED_WHEN,
                        "with collectionCycles"));
            }
        } else if (n.has("wholeBloodPerCollectionCycleMl")) {
            n.problems().add(Problem.of(n.field("wholeBloodPerCollectionCycleMl"), MessageKey.NOT_APPLICABLE,
                    "photopheresis without collectionCycles"));
        }
        OptionalDouble treatment = n.number("treatmentVolumeMl", TREATMENT_VOLUME_ML, true);
        OptionalDouble uva = n.number("uvaDoseJPerCm2", UVA_DOSE_J_PER_CM2, false);
        Optional<ProcedureSpec.PhotopheresisCourse> course = photopheresisCourse(n);
        if (n.problems().size() > before || sep == null || method.isEmpty() || treatment.isEmpty()) {
            return null;
        }
        return new ProcedureSpec.Photopheresis(sep, method.get(), processed, cycles, perCycle,
                treatment.getAsDouble(), uva, course);
    }

    /** The optional regimen of a photopheresis and the numbers it takes; a number it does not take is a problem. */
    private static Optional<ProcedureSpec.PhotopheresisCourse> photopheresisCourse(Node n) {
        String[] keys = {"treatmentCycles", "cycleIntervalWeeks", "treatmentsPerWeek", "weeks", "taperCycles"};
        Optional<String> code = n.text("regimen", false);
        if (code.isEmpty()) {
            for (String k : keys) {
                if (n.has(k)) {
                    n.problems().add(Problem.of(n.field(k), MessageKey.NOT_APPLICABLE, "photopheresis without a"
                            + " regimen"));
                }
            }
            return Optional.empty();
        }
        Optional<ProcedureSpec.PhotopheresisRegimen> regimen = ProcedureSpec.PhotopheresisRegimen.fromCode(code.get());
        if (regimen.isEmpty()) {
            n.problems().add(Problem.of(n.field("regimen"), MessageKey.NOT_ONE_OF, code.get(),
                    ProcedureSpec.PhotopheresisRegimen.codes()));
            return Optional.empty();
        }
        Map<String, Range> takes = new java.util.LinkedHashMap<>();
        java.util.Set<String> required = new java.util.HashSet<>();
        switch (regimen.get()) {
            case LABEL_CTCL -> takes.put("treatmentCycles", LABEL_TREATMENT_CYCLES);
            case ASFA_CTCL -> {
                takes.put("treatmentCycles", TREATMENT_CYCLES);
                takes.put("cycleIntervalWeeks", CTCL_CYCLE_INTERVAL_WEEKS);
                required.addAll(List.of("treatmentCycles", "cycleIntervalWeeks"));
            }
            case ASFA_CGVHD -> {
                takes.put("cycleIntervalWeeks", CGVHD_CYCLE_INTERVAL_WEEKS);
                takes.put("taperCycles", TAPER_CYCLES);
                required.add("cycleIntervalWeeks");
            }
            case ASFA_AGVHD -> {
                takes.put("treatmentsPerWeek", TREATMENTS_PER_WEEK);
                takes.put("weeks", AGVHD_WEEKS);
                required.add("treatmentsPerWeek");
            }
        }
        Map<String, OptionalInt> values = new java.util.HashMap<>();
        boolean ok = true;
        for (String k : keys) {
            if (takes.containsKey(k)) {
                OptionalInt v = n.integer(k, takes.get(k), required.contains(k));
                ok &= v.isPresent() || !n.has(k) && !required.contains(k);
                values.put(k, v);
            } else {
                values.put(k, OptionalInt.empty());
                if (n.has(k)) {
                    n.problems().add(Problem.of(n.field(k), MessageKey.NOT_APPLICABLE, "photopheresis with regimen "
                            + regimen.get().code()));
                    ok = false;
                }
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new ProcedureSpec.PhotopheresisCourse(regimen.get(), values.get("treatmentCycles"),
                values.get("cycleIntervalWeeks"), values.get("treatmentsPerWeek"), values.get("weeks"),
                values.get("taperCycles")));
    }

    private static ProcedureSpec adsorptiveCytapheresis(Node n) {
        int before = n.problems().size();
        for (String key : SEPARATION_KEYS) {
            if (n.has(key)) {
                n.problems().add(Problem.of(n.field(key), MessageKey.NOT_APPLICABLE,
                        "adsorptive-cytapheresis (the column runs on its own pump; give flowMlPerMin)"));
            }
        }
        Optional<ProcedureSpec.AdsorptionColumn> column = n.text("column", true).flatMap(c -> {
            Optional<ProcedureSpec.AdsorptionColumn> parsed = ProcedureSpec.AdsorptionColumn.fromCode(c);
            if (parsed.isEmpty()) {
                n.problems().add(Problem.of(n.field("column"), MessageKey.NOT_ONE_OF, c, "adacolumn, cellsorba"));
            }
            return parsed;
        });
        OptionalDouble processed = n.number("processedVolumeMl", COLUMN_PROCESSED_VOLUME_ML, false);
        OptionalDouble flow = n.number("flowMlPerMin", COLUMN_FLOW_ML_PER_MIN, false);
        if (column.isPresent() && column.get().flowMlPerMin().isEmpty() && !n.has("flowMlPerMin")) {
            n.problems().add(Problem.of(n.field("flowMlPerMin"), MessageKey.REQUIRED_WHEN, "with column "
                    + column.get().code() + " (no published flow was found)"));
        }
        if (n.problems().size() > before || column.isEmpty()) {
            return null;
        }
        return new ProcedureSpec.AdsorptiveCytapheresis(column.get(), processed, flow);
    }

    private static ProcedureSpec immunoadsorption(Node n) {
        int before = n.problems().size();
        Separation sep = separation(n, ProcedureType.IMMUNOADSORPTION);
        OptionalDouble pv = n.number("plasmaVolumesProcessed", IA_PLASMA_VOLUMES, false);
        OptionalDouble ml = n.number("processedPlasmaMl", IA_PROCESSED_PLASMA_ML, false);
        if (n.has("plasmaVolumesProcessed") && n.has("processedPlasmaMl")) {
            n.problems().add(Problem.of(n.field("processedPlasmaMl"), MessageKey.MUTUALLY_EXCLUSIVE,
                    n.field("plasmaVolumesProcessed")));
        } else if (!n.has("plasmaVolumesProcessed") && !n.has("processedPlasmaMl")) {
            n.problems().add(Problem.of(n.field("plasmaVolumesProcessed"), MessageKey.REQUIRED_WHEN,
                    "(or processedPlasmaMl)"));
        }
        OptionalDouble efficiency = n.number("columnIggRemovalPercent", COLUMN_IGG_REMOVAL_PERCENT, true);
        if (n.problems().size() > before || sep == null || efficiency.isEmpty()) {
            return null;
        }
        return new ProcedureSpec.Immunoadsorption(sep, pv, ml, efficiency.getAsDouble());
    }

    private static ProcedureSpec ivig(Node n) {
        for (String key : SEPARATION_KEYS) {
            if (n.has(key)) {
                n.problems().add(Problem.of(n.field(key), MessageKey.NOT_APPLICABLE, "ivig-infusion"));
            }
        }
        OptionalDouble dose = n.number("doseGPerKg", IVIG_DOSE_G_PER_KG, true);
        OptionalInt days = n.integer("days", IVIG_DAYS, true);
        OptionalDouble percent = n.number("productPercent", IVIG_PRODUCT_PERCENT, false);
        Optional<ProcedureSpec.IvigProduct> product = n.oneOf("product", false, ProcedureSpec.IvigProduct.codes())
                .flatMap(ProcedureSpec.IvigProduct::fromCode);
        if (dose.isEmpty() || days.isEmpty()) {
            return null;
        }
        return new ProcedureSpec.IvigInfusion(dose.getAsDouble(), days.getAsInt(), percent.orElse(10), product);
    }
}
