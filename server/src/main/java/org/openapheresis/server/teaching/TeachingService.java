package org.openapheresis.server.teaching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.openapheresis.contract.PlanRequestReader;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.Planner;
import org.openapheresis.server.guideline.GuidelineRow;
import org.openapheresis.server.guideline.Guidelines;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.uncertainty.Uncertainty;
import org.openapheresis.variation.Parameter;
import org.openapheresis.variation.Variation;

/**
 * Teaching cases: a virtual patient for a plasma exchange, drawn from a seed, whose model parameters are one
 * draw of their published spreads ({@link Uncertainty#virtualPatient}) and stay hidden until the learner has
 * planned; the reveal plans the learner's procedure for the nominal patient (what the learner saw) and for this
 * patient (what happened), and names the hidden parameters. A case is its seed: nothing is stored.
 *
 * <p>The visible patient is drawn uniformly from ranges chosen for teaching — sex 1:1, age 18 to 80 years, height
 * 152 to 180 cm (women) or 163 to 193 cm (men), body mass index 19 to 34 kg/m², haematocrit 34 to 44 % (women)
 * or 38 to 50 % (men) — and an indication among the guideline's neurological plasma-exchange rows (ICD-10
 * chapter G). These ranges are the generator's choice to give varied adults; they are not population statistics
 * and claim no prevalence. The baseline labs are those of the project's MS relapse example
 * ({@link #BASELINE_LABS}); that is why only neurological rows are drawn: no case claims a disease whose labs
 * differ (the platelet count of TTP, say) while showing these.
 */
public final class TeachingService {

    /** The procedure teaching cases are for (the commonest; the generator draws no procedure-specific labs). */
    public static final String PROCEDURE = "plasma-exchange";

    /** The labs of {@code examples/ms-relapse-plasma-exchange.json}, every case's baseline. */
    static final Map<String, Object> BASELINE_LABS = Map.of("iggGPerL", 10.5, "igmGPerL", 1.1, "fibrinogenGPerL",
            3.0, "albuminGPerL", 42, "plateletsE9PerL", 240, "ionizedCalciumMmolPerL", 1.20);

    /** Parameters of cell collections and white cell depletion, which play no part in a plasma exchange. */
    static final java.util.Set<Parameter> CELL_PROCEDURE_ONLY = java.util.EnumSet.of(Parameter.CD34_CE2,
            Parameter.CD3_CE2, Parameter.WBC_REMOVAL, Parameter.GRANULOCYTE_CE);

    private final Guidelines guidelines;

    public TeachingService(Guidelines guidelines) {
        this.guidelines = guidelines;
    }

    /** A case as the learner sees it: the seed that makes it, the patient and the indication. */
    public record Case(long seed, Map<String, Object> patient, GuidelineRow indication, String description) {
    }

    /** The hidden value of one parameter: its factor on the published value, and where the spread is from. */
    public record Hidden(String parameter, double factor, String spread, String source) {
    }

    /** The reveal: the plan as the learner saw it, the plan of this patient, and what was hidden. */
    public record Reveal(Case teachingCase, Plan planned, Plan actual, List<Hidden> hidden) {
    }

    /** The case of {@code seed} (the same seed gives the same case). */
    public Case generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        boolean female = r.nextBoolean();
        int age = 18 + r.nextInt(63);
        double heightCm = female ? between(r, 152, 180) : between(r, 163, 193);
        double bmi = between(r, 19, 34);
        double weightKg = Math.round(bmi * Math.pow(heightCm / 100, 2) * 2) / 2.0;
        double hct = Math.round((female ? between(r, 34, 44) : between(r, 38, 50)) * 10) / 10.0;
        List<GuidelineRow> rows = guidelines.rows().stream().filter(g -> PROCEDURE.equals(g.procedureType()))
                .filter(g -> g.icd10().stream().anyMatch(c -> c.startsWith("G"))).toList();
        GuidelineRow row = rows.get(r.nextInt(rows.size()));
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("sex", female ? "female" : "male");
        patient.put("ageYears", age);
        patient.put("heightCm", Math.round(heightCm));
        patient.put("weightKg", weightKg);
        patient.put("hematocritPercent", hct);
        patient.put("labs", new java.util.TreeMap<>(BASELINE_LABS));
        String description = "A " + age + "-year-old " + (female ? "woman" : "man") + ", " + Math.round(heightCm)
                + " cm and " + plain(weightKg) + " kg, haematocrit " + plain(hct) + " %, with " + row.indication()
                + ". Her own kinetics are hidden: plan the exchange, then reveal how it went.";
        return new Case(seed, patient, row, female ? description : description.replace("Her own", "His own"));
    }

    /**
     * Plans the learner's procedure for the case's patient, nominal and as this patient is.
     *
     * @param procedure the learner's {@code procedure} block (the case's patient is used, whatever else is sent)
     */
    public Reveal reveal(long seed, Object procedure) {
        Case c = generate(seed);
        if (!(procedure instanceof Map<?, ?> p) || !PROCEDURE.equals(p.get("type"))) {
            Object type = procedure instanceof Map<?, ?> m ? m.get("type") : procedure;
            throw InvalidInputException.of("procedure.type", MessageKey.NOT_ONE_OF, String.valueOf(type), PROCEDURE);
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("patient", c.patient());
        tree.put("procedure", procedure);
        PlanRequest request = PlanRequestReader.read(tree);
        Variation hidden = Uncertainty.virtualPatient(seed, 0);
        Plan planned = Planner.plan(request, PlanOptions.withTimeline());
        Plan actual = Planner.plan(request, PlanOptions.withTimeline().with(hidden));
        List<Hidden> list = new ArrayList<>();
        for (Parameter par : Parameter.values()) {
            if (CELL_PROCEDURE_ONLY.contains(par)) {
                continue; // drawn, but no part of an exchange: not shown as if it mattered
            }
            list.add(new Hidden(par.code(), hidden.factor(par), par.spread().text(), par.source()));
        }
        return new Reveal(c, planned, actual, list);
    }

    /** 88 for 88.0, 88.5 for 88.5: a number as a person writes it. */
    private static String plain(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    private static double between(SplittableRandom r, double low, double high) {
        return low + (high - low) * r.nextDouble();
    }
}
