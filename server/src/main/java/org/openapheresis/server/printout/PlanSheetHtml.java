package org.openapheresis.server.printout;

import static org.openapheresis.server.printout.Page.qty;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openapheresis.course.CourseResult;
import org.openapheresis.procedure.Plan;
import org.openapheresis.safety.Warning;
import org.openapheresis.server.order.Acknowledgement;
import org.openapheresis.server.order.OrderRecord;
import org.openapheresis.server.patient.PatientRecord;

/**
 * The plan sheet of an order as XHTML: who and what was ordered, the warnings with who acknowledged each, the
 * prescription as ordered, the first session's figures each with its unit, the predicted values, the course session by
 * session with its effect, and every assumption with its source. Pure: the same facts give the same page.
 */
public final class PlanSheetHtml {

    private PlanSheetHtml() {
    }

    /**
     * @param sheet what it is written from
     * @param zone the unit's time zone
     * @param inlineCss the stylesheet to put inline (the PDF), or null to link it (the browser)
     * @param pdfLink the address of the same sheet as a PDF, shown on screen, or null
     * @param printedBy who asked for it
     * @param printedAt when
     */
    public static String page(PrintoutService.PlanSheet sheet, ZoneId zone, String inlineCss, String pdfLink,
            String printedBy, Instant printedAt) {
        OrderRecord o = sheet.order();
        PatientRecord p = sheet.patient();
        Plan plan = o.plan();
        String person = p.familyName() + ", " + p.givenName() + " · MRN " + p.mrn();
        Page d = new Page("Plan: " + o.procedureSpec().type().displayName(), "Plan sheet · " + person, inlineCss,
                pdfLink, zone);
        d.p("person", person + " · born " + p.birthDate());

        List<String[]> who = new ArrayList<>();
        who.add(new String[] {"Patient", person});
        who.add(new String[] {"Born", p.birthDate().toString()});
        who.add(new String[] {"Weight, as planned", qty(o.request().patient().weightKg(), "kg", 1)});
        who.add(new String[] {"Indication", o.indication().text() + (o.indication().code() == null ? ""
            : " (ICD-10 " + o.indication().code() + ")")});
        if (o.guideline() != null && o.guideline().matched()) {
            who.add(new String[] {"Guideline", join(" · ", o.guideline().indication(),
                o.guideline().category() == null ? null : "ASFA category " + o.guideline().category(),
                o.guideline().grade() == null ? null : "grade " + o.guideline().grade(),
                o.guideline().rowSource() != null ? o.guideline().rowSource() : o.guideline().source())});
        }
        who.add(new String[] {"Procedure", o.procedureSpec().type().displayName()});
        who.add(new String[] {"Course", o.schedule().filter(s -> s.sessions() > 1)
            .map(s -> s.sessions() + " sessions, one every " + Page.num(s.intervalHours(), 1) + " h")
            .orElse("one session")});
        who.add(new String[] {"Ordered", o.createdBy() + " at " + d.at(o.createdAt())});
        who.add(new String[] {"Signed", o.signedBy().map(b -> b + " at " + d.at(o.signedAt())).orElse("not signed")});
        o.stop().ifPresent(s -> who.add(new String[] {"Stopped", s.reason() + " (" + s.by() + " at " + d.at(s.at())
            + ")"}));
        d.section("plan-order", "Order").facts("plan-order-facts", who).end();

        warnings(d, o, plan, sheet.course());

        List<String[]> prescribed = new ArrayList<>();
        flatten("", o.procedure(), prescribed);
        d.section("plan-prescription", "Prescription as ordered")
                .p("small", "The order's fields as the plan contract names them; each name carries its unit.")
                .facts("plan-prescription-fields", prescribed).end();

        List<List<String>> figures = new ArrayList<>();
        for (String[] f : PlanFigures.of(plan)) {
            figures.add(List.of(f[0], f[1], f[2]));
        }
        d.section("plan-figures", o.sessionsOrdered() > 1 ? "First session: the plan's figures"
                : "The plan's figures");
        d.table("plan-figures-table", List.of("Figure", "Value", "Note"), figures, "No figures.");
        if (o.procedure().get("target") != null || plan.sessionsNeeded() > 1) {
            d.p(null, plan.sessionsNeeded() + (plan.sessionsNeeded() == 1 ? " session" : " sessions")
                    + " needed to reach the target.");
        }
        d.end();
        d.section("plan-predicted", "Predicted values (first session)")
                .table("plan-predicted-table", List.of("Analyte", "Before", "After", "Lowest during", "Change"),
                        PlanFigures.predicted(plan.predicted()), "No predicted values (no pre-procedure labs given).")
                .end();

        sheet.course().ifPresent(c -> course(d, c));
        if (!sheet.courseProblems().isEmpty()) {
            d.section("plan-course", "The course");
            d.p(null, "The course as ordered cannot be planned as one course; the figures above are of the first "
                    + "session. The planner says:");
            d.list("plan-course-problems", "missing", sheet.courseProblems());
            d.end();
        }

        List<String> assumptions = new ArrayList<>(plan.assumptions());
        sheet.course().ifPresent(c -> assumptions.addAll(c.assumptions()));
        d.section("plan-assumptions", "Assumptions and sources")
                .p("small", "Every model choice and constant the plan rests on, with its source; one marked UNVERIFIED "
                        + "could not be confirmed in a source.")
                .list("plan-assumption-list", "assumptions", assumptions).end();
        d.p("made", "Made by OpenApheresis from the order's stored plan at " + d.at(printedAt) + " for " + printedBy
                + ". Decision support for trained staff: check it against the current guideline.");
        return d.done();
    }

    private static void warnings(Page d, OrderRecord o, Plan plan, Optional<CourseResult> course) {
        Map<String, Acknowledgement> acks = o.acknowledgements().stream()
                .collect(Collectors.toMap(Acknowledgement::code, a -> a, (a, b) -> a, LinkedHashMap::new));
        List<Warning> all = new ArrayList<>(o.warnings());
        Set<String> seen = all.stream().map(w -> w.code().name()).collect(Collectors.toSet());
        for (Warning w : plan.warnings()) {
            if (seen.add(w.code().name())) {
                all.add(w);
            }
        }
        course.ifPresent(c -> c.warnings().forEach(w -> {
            if (seen.add(w.code().name())) {
                all.add(w);
            }
        }));
        List<List<String>> rows = new ArrayList<>();
        for (Warning w : all) {
            Acknowledgement a = acks.get(w.code().name());
            rows.add(List.of(w.severity().toString(), w.message(), w.source(),
                    a == null ? "not acknowledged" : a.acknowledgedBy() + " at " + d.at(a.acknowledgedAt())));
        }
        d.section("plan-warnings", "Warnings")
                .table("plan-warnings-table", List.of("Severity", "Warning", "Source", "Acknowledged"), rows,
                        "No warnings.")
                .end();
    }

    private static void course(Page d, CourseResult c) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < c.sessions().size(); i++) {
            Plan s = c.sessions().get(i);
            String dose = s.exchangeVolumeMl() != null ? qty(s.exchangeVolumeMl(), "mL", 0) + " exchanged"
                    : s.processedVolumeMl() != null ? qty(s.processedVolumeMl(), "mL", 0) + " processed"
                    : s.infusion() != null ? qty(s.infusion().gramsPerDay(), "g", 1) + " IVIG" : Page.NONE;
            List<String> effect = new ArrayList<>();
            s.predicted().forEach((k, v) -> effect.add(PlanFigures.analyteName(k) + " " + qty(v.pre(), v.unit(), 2)
                    + " → " + qty(v.post(), v.unit(), 2)));
            rows.add(List.of(String.valueOf(i + 1), qty(c.sessionStartHours().get(i), "h", 1),
                    qty(s.durationMin(), "min", 0), dose, effect.isEmpty() ? Page.NONE : String.join("; ", effect)));
        }
        d.section("plan-course", "The course, session by session")
                .table("plan-course-table", List.of("Session", "Starts after the first", "Run time", "Dose",
                        "Predicted before → after"), rows, "One session.");
        List<List<String>> summary = new ArrayList<>();
        c.summary().forEach((k, v) -> summary.add(List.of(PlanFigures.analyteName(k),
                qty(v.beforeFirstSession(), v.unit(), 2), qty(v.afterLastSession(), v.unit(), 2),
                qty(v.atNextScheduledTime(), v.unit(), 2) + " at " + qty(v.nextScheduledHour(), "h", 0),
                v.totalBodyRemovedPercent() == null ? Page.NONE : qty(v.totalBodyRemovedPercent(), "%", 0))));
        d.table("plan-course-summary", List.of("Analyte", "Before the first session", "After the last session",
                "At the next scheduled time", "Total-body amount removed"), summary, "No analytes predicted.");
        d.end();
    }

    /** The contract's procedure fields as rows, nested objects as dotted names, lists joined. */
    private static void flatten(String prefix, Map<String, Object> m, List<String[]> out) {
        m.forEach((k, v) -> {
            String name = prefix.isEmpty() ? k : prefix + "." + k;
            if (v instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> n = (Map<String, Object>) nested;
                flatten(name, n, out);
            } else if (v instanceof List<?> list) {
                out.add(new String[] {name, list.stream().map(PlanSheetHtml::value).collect(Collectors.joining(", "))});
            } else if (v != null) {
                out.add(new String[] {name, value(v)});
            }
        });
    }

    private static String value(Object v) {
        if (v instanceof Double || v instanceof Float) {
            return Page.num(((Number) v).doubleValue(), 4);
        }
        return String.valueOf(v);
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
