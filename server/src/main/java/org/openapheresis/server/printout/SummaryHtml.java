package org.openapheresis.server.printout;

import static org.openapheresis.server.printout.Page.qty;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.openapheresis.patient.Analyte;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.server.patient.LabEntry;
import org.openapheresis.server.patient.PatientRecord;
import org.openapheresis.server.session.ClinicalRecord;
import org.openapheresis.server.session.Comparison;
import org.openapheresis.server.session.Completeness;
import org.openapheresis.server.session.Entries;
import org.openapheresis.server.session.SessionRecord;

/**
 * A session's run sheet and summary as XHTML: what the nurse needs at the chair and what the record keeps after it.
 * The person, the order and the procedure; machine, chair and nurse; the plan's targets with their units; plan versus
 * actual; the run values, vitals, fluids, labs, adverse events, access, product and notes, each entry with who
 * recorded it and when; and what the record still lacks. A measure never recorded in any entry is left out as a
 * column, never shown as zero. Pure: the same record gives the same page.
 */
public final class SummaryHtml {

    private SummaryHtml() {
    }

    /** One column of a table of entries: its header (with the unit) and its value. */
    private record Column<T>(String header, Function<T, Double> value, int digits) {
    }

    /**
     * @param summary what it is written from
     * @param zone the unit's time zone
     * @param inlineCss the stylesheet to put inline (the PDF), or null to link it (the browser)
     * @param pdfLink the address of the same summary as a PDF, shown on screen, or null
     * @param printedBy who asked for it
     * @param printedAt when
     */
    public static String page(PrintoutService.SessionSummary summary, ZoneId zone, String inlineCss, String pdfLink,
            String printedBy, Instant printedAt) {
        ClinicalRecord r = summary.record();
        SessionRecord s = r.session();
        PatientRecord p = summary.patient();
        ProcedureType type = s.procedureType();
        String person = p.familyName() + ", " + p.givenName() + " · MRN " + p.mrn();
        Page d = new Page("Session summary: " + type.displayName(), "Session summary · " + person, inlineCss, pdfLink,
                zone);
        d.p("person", person + " · born " + p.birthDate());

        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"Patient", person});
        facts.add(new String[] {"Born", p.birthDate().toString()});
        p.weightKg().ifPresent(w -> facts.add(new String[] {"Weight on record", qty(w, "kg", 1)}));
        facts.add(new String[] {"Allergies", p.history().allergies().isEmpty() ? "none recorded"
            : String.join("; ", p.history().allergies())});
        facts.add(new String[] {"Order", summary.order().indication().text() + (summary.order().indication().code()
            == null ? "" : " (ICD-10 " + summary.order().indication().code() + ")") + "; signed by "
            + summary.order().signedBy().orElse("nobody yet")});
        facts.add(new String[] {"Procedure", type.displayName()});
        facts.add(new String[] {"Status", s.status().toString()});
        facts.add(new String[] {"Machine", s.machine().orElse(Page.NONE)});
        facts.add(new String[] {"Chair", s.chair().orElse(Page.NONE)});
        facts.add(new String[] {"Nurse", s.nurse().orElse(Page.NONE)});
        facts.add(new String[] {"Planned start", d.at(s.plannedStart()) + " (scheduled by " + s.createdBy() + ")"});
        facts.add(new String[] {"Started", s.startedAt().map(t -> d.at(t) + " by " + s.startedBy().orElse(Page.NONE))
            .orElse("not started")});
        facts.add(new String[] {"Ended", s.endedAt().map(t -> d.at(t) + " by " + s.endedBy().orElse(Page.NONE))
            .orElse("not ended")});
        s.abortReason().ifPresent(a -> facts.add(new String[] {"Aborted because", a}));
        s.cancelReason().ifPresent(a -> facts.add(new String[] {"Cancelled because", a}));
        r.startAcknowledgement().filter(a -> !a.codes().isEmpty()).ifPresent(a -> facts.add(new String[] {
            "Plan warnings acknowledged at start", String.join(", ", a.codes()) + " (" + a.by() + " at "
                + d.at(a.at()) + ")"}));
        d.section("summary-session", "Session").facts("summary-session-facts", facts).end();

        List<List<String>> targets = new ArrayList<>();
        for (String[] f : PlanFigures.of(r.plan())) {
            targets.add(List.of(f[0], f[1], f[2]));
        }
        d.section("summary-plan", "The plan's targets")
                .table("summary-plan-table", List.of("Figure", "Planned", "Note"), targets, "No plan figures.");
        List<List<String>> warnings = new ArrayList<>();
        r.plan().warnings().forEach(w -> warnings.add(List.of(w.severity().toString(), w.message())));
        d.table("summary-plan-warnings", List.of("Severity", "Plan warning"), warnings, "The plan has no warnings.")
                .end();

        comparison(d, r.comparison(), r.missing());

        d.section("summary-run-values", "Run values");
        entries(d, "summary-run-values-table", r.runValues(), List.of(
                new Column<>("Inlet flow (mL/min)", Entries.RunValue::inletFlowMlPerMin, 1),
                new Column<>("AC flow (mL/min)", Entries.RunValue::acFlowMlPerMin, 2),
                new Column<>((type.collectsProduct() ? "Collect" : "Removal") + " flow (mL/min)",
                        Entries.RunValue::removalFlowMlPerMin, 1),
                new Column<>("Replacement flow (mL/min)", Entries.RunValue::replacementFlowMlPerMin, 1),
                new Column<>("Processed (mL)", Entries.RunValue::processedVolumeMl, 0),
                new Column<>("AC used (mL)", Entries.RunValue::acVolumeMl, 0),
                new Column<>((type.collectsProduct() ? "Collected" : "Removed") + " (mL)",
                        Entries.RunValue::removedVolumeMl, 0),
                new Column<>("Replacement given (mL)", Entries.RunValue::replacementVolumeMl, 0),
                new Column<>("Fluid balance (mL)", Entries.RunValue::fluidBalanceMl, 0)),
                Entries.RunValue::time, Entries.RunValue::recordedBy, Entries.RunValue::recordedAt,
                "No run values recorded.");
        d.end();

        d.section("summary-vitals", "Vital signs");
        entries(d, "summary-vitals-table", r.vitals(), List.of(
                new Column<>("Systolic (mmHg)", Entries.Vitals::systolicMmHg, 0),
                new Column<>("Diastolic (mmHg)", Entries.Vitals::diastolicMmHg, 0),
                new Column<>("Pulse (/min)", Entries.Vitals::pulsePerMin, 0),
                new Column<>("SpO2 (%)", Entries.Vitals::spo2Percent, 0),
                new Column<>("Temperature (°C)", Entries.Vitals::temperatureC, 1)),
                Entries.Vitals::time, Entries.Vitals::recordedBy, Entries.Vitals::recordedAt, "No vital signs recorded.");
        d.end();

        List<List<String>> fluids = new ArrayList<>();
        double fluidsMl = 0;
        for (Entries.FluidGiven f : r.fluids()) {
            // a plasma product's bags with its volume: "1,000 mL (4 units)"
            String volume = qty(f.volumeMl(), "mL", 0) + (f.units().isPresent() ? " (" + f.units().getAsInt()
                    + (f.units().getAsInt() == 1 ? " unit)" : " units)") : "");
            fluids.add(List.of(d.time(f.time()), f.fluid().displayName(), volume, d.by(f.recordedBy(), f.recordedAt())));
            fluidsMl += f.volumeMl();
        }
        d.section("summary-fluids", "Fluids given")
                .table("summary-fluids-table", List.of("Time", "Fluid", "Volume", "Recorded by"), fluids,
                        "No fluids recorded.");
        if (!r.fluids().isEmpty()) {
            d.p(null, "Fluids given in all: " + qty(fluidsMl, "mL", 0) + ".");
        }
        d.end();

        List<List<String>> labs = new ArrayList<>();
        for (LabEntry l : r.labs()) {
            labs.add(List.of(d.time(l.takenAt()), l.phase().code(), labName(l.field()), qty(l.value(), l.unit(), 2),
                    d.by(l.recordedBy(), l.recordedAt())));
        }
        d.section("summary-labs", "Labs of this session")
                .table("summary-labs-table", List.of("Taken", "Phase", "Lab", "Value", "Recorded by"), labs,
                        "No labs recorded at this session.").end();

        List<List<String>> aes = new ArrayList<>();
        for (Entries.AdverseEvent a : r.adverseEvents()) {
            aes.add(List.of(d.time(a.time()), a.type().description(), a.grade().code() + ": " + a.grade().definition(),
                    a.actionTaken().orElse(Page.NONE), a.interrupted() ? "yes" : "no", a.notes().orElse(Page.NONE),
                    d.by(a.recordedBy(), a.recordedAt())));
        }
        d.section("summary-adverse-events", "Adverse events")
                .table("summary-adverse-events-table", List.of("Time", "Event", "Grade (WAA)", "Action taken",
                        "Interrupted", "Notes", "Recorded by"), aes, "No adverse events recorded.").end();

        if (type != ProcedureType.IVIG_INFUSION) {
            List<List<String>> access = new ArrayList<>();
            for (Entries.VascularAccess a : r.vascularAccess()) {
                access.add(List.of(d.time(a.time()), a.kind().description(), a.site(), a.placedBy().orElse(Page.NONE),
                        a.placedOn().map(Object::toString).orElse(Page.NONE), a.problems().orElse(Page.NONE),
                        d.by(a.recordedBy(), a.recordedAt())));
            }
            d.section("summary-access", "Vascular access")
                    .table("summary-access-table", List.of("Checked", "Access", "Site", "Placed by", "Placed on",
                            "Problems", "Recorded by"), access, "No access recorded.").end();
        }

        if (type.collectsProduct() || !r.products().isEmpty()) {
            d.section("summary-product", "Product at the end of the collection");
            entries(d, "summary-product-table", r.products(), List.of(
                    new Column<>("Volume (mL)", Entries.ProductMeasurement::volumeMl, 0),
                    new Column<>("CD34+ (/µL)", Entries.ProductMeasurement::cd34PerUl, 1),
                    new Column<>("CD3+ (/µL)", Entries.ProductMeasurement::cd3PerUl, 0),
                    new Column<>("White cells (×10^9/L)", Entries.ProductMeasurement::wbcE9PerL, 1),
                    new Column<>("Neutrophils (×10^9/L)", Entries.ProductMeasurement::neutrophilsE9PerL, 1),
                    new Column<>("Haematocrit (%)", Entries.ProductMeasurement::hematocritPercent, 1)),
                    Entries.ProductMeasurement::time, Entries.ProductMeasurement::recordedBy,
                    Entries.ProductMeasurement::recordedAt, "No product measured.");
            d.end();
        }

        List<List<String>> notes = new ArrayList<>();
        for (Entries.NursingNote n : r.notes()) {
            notes.add(List.of(d.time(n.time()), n.text(), d.by(n.recordedBy(), n.recordedAt())));
        }
        d.section("summary-notes", "Nursing notes")
                .table("summary-notes-table", List.of("Time", "Note", "Written by"), notes, "No notes.").end();

        d.p("made", "Made by OpenApheresis from the session's record at " + d.at(printedAt) + " for " + printedBy
                + ". Times are the unit's local time (" + zone.getId() + "); \"recorded by\" gives who entered each "
                + "value and at what time.");
        return d.done();
    }

    private static void comparison(Page d, Comparison c, List<Completeness.Gap> missing) {
        List<List<String>> rows = new ArrayList<>();
        c.rows().forEach((k, v) -> rows.add(List.of(v.name(), qty(v.planned(), v.unit(), 1), qty(v.target(), v.unit(), 1),
                qty(v.actual(), v.unit(), 1), v.differencePercent() == null ? Page.NONE
                        : (v.differencePercent() > 0 ? "+" : "") + qty(v.differencePercent(), "%", 0),
                join("; ", v.plannedFrom() == null ? null : "planned: " + v.plannedFrom(),
                        v.actualFrom() == null ? null : "actual: " + v.actualFrom()))));
        d.section("summary-comparison", "Plan versus actual")
                .table("summary-comparison-table", List.of("Measure", "Planned", "Target", "Actual", "Difference",
                        "Where from"), rows, "Nothing to compare yet.");
        if (!missing.isEmpty()) {
            d.p("missing-title", "Missing from the record:");
            d.list("summary-missing", "missing", missing.stream().map(Completeness.Gap::message).toList());
        }
        d.end();
    }

    /** A table of timed entries: time, the columns some entry has a value in, and who recorded each when. */
    private static <T> void entries(Page d, String id, List<T> rows, List<Column<T>> columns,
            Function<T, Instant> time, Function<T, String> by, Function<T, Instant> at, String empty) {
        List<Column<T>> used = columns.stream().filter(c -> rows.stream().anyMatch(r -> c.value().apply(r) != null))
                .toList();
        List<String> headers = new ArrayList<>();
        headers.add("Time");
        used.forEach(c -> headers.add(c.header()));
        headers.add("Recorded by");
        List<List<String>> out = new ArrayList<>();
        for (T r : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(d.time(time.apply(r)));
            used.forEach(c -> cells.add(Page.num(c.value().apply(r), c.digits())));
            cells.add(d.by(by.apply(r), at.apply(r)));
            out.add(cells);
        }
        d.table(id, headers, out, empty);
    }

    private static String labName(String field) {
        for (Analyte a : Analyte.values()) {
            if (a.field().equals(field)) {
                return a.displayName();
            }
        }
        return field.equals("hematocritPercent") ? "Haematocrit" : field;
    }

    private static String join(String sep, String... parts) {
        List<String> out = new ArrayList<>();
        for (String s : parts) {
            if (s != null && !s.isBlank()) {
                out.add(s);
            }
        }
        return String.join(sep, out);
    }
}
