package org.openapheresis.server.order;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.candidacy.CandidacyChecks;
import org.openapheresis.server.candidacy.CandidacyFacts;
import org.openapheresis.server.candidacy.CheckWarning;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.guideline.Guidelines;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FieldKey;
import org.openapheresis.server.http.FieldProblem;
import org.openapheresis.server.http.Fields;
import org.openapheresis.server.http.HttpProblem;
import org.openapheresis.server.json.Json;
import org.openapheresis.server.patient.PatientRecord;
import org.openapheresis.server.patient.PatientStore;
import org.openapheresis.system.InvalidInputException;

/**
 * {@code /api/orders}: a physician prescribes a procedure for a patient; the server plans it from the patient
 * record and latest labs, looks up the guideline category, runs the candidacy checks, and stores it unsigned.
 * Signing and acknowledging warnings record who and when.
 */
public final class OrderHandlers {

    /** ICD-10 (and ICD-10-CM) code shape: letter, two characters, optional dot and up to four more. */
    public static final Pattern ICD10 = Pattern.compile("[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?");
    public static final int MAX_LIST = 500;

    private final Jdbi jdbi;
    private final OrderStore orders;
    private final PatientStore patients;
    private final Guidelines guidelines;
    private final Clock clock;

    public OrderHandlers(Jdbi jdbi, OrderStore orders, PatientStore patients, Guidelines guidelines, Clock clock) {
        this.jdbi = jdbi;
        this.orders = orders;
        this.patients = patients;
        this.guidelines = guidelines;
        this.clock = clock;
    }

    public void create(Call call) {
        Fields f = call.fields();
        String patientId = f.text("patientId", true, 36).orElse(null);
        Map<String, String> indication = new LinkedHashMap<>();
        f.object("indication", true).ifPresent(i -> {
            i.text("code", true, 20).ifPresent(code -> {
                String c = code.toUpperCase(java.util.Locale.ROOT);
                if (ICD10.matcher(c).matches()) {
                    indication.put("code", c);
                } else {
                    i.add("code", FieldKey.INVALID, code + " is not an ICD-10 code (e.g. G35.A, M31.19)");
                }
            });
            i.text("text", true, 500).ifPresent(t -> indication.put("text", t));
            i.rejectUnknown();
        });
        Object procedure = f.raw("procedure", true).orElse(null);
        Object recipient = f.raw("recipient", false).orElse(null);
        Object schedule = f.raw("schedule", false).orElse(null);
        f.rejectUnknown();
        f.throwIfProblems("the order has invalid values");
        Instant now = Times.now(clock);
        String id = Ids.next();
        OrderRecord created = call.write(patientId, h -> {
            PatientRecord p = patients.find(h, patientId).orElseThrow(() -> HttpProblem.invalid(
                    "the order has invalid values", List.of(new FieldProblem("patientId", "NOT_FOUND",
                            "no patient or donor with this id"))));
            Evaluated e = evaluate(p, procedure, recipient, schedule, LocalDate.now(clock));
            OrderRecord o = new OrderRecord(id, 1, patientId, indication, procedure, recipient, schedule,
                    guidelines.categoryFor(indication.get("code"), e.planned().request().procedure().type().code()),
                    Json.parse(Json.write(e.planned().plan())), e.warnings(), List.of(), OrderRecord.UNSIGNED, now,
                    call.who().username(), null, null);
            orders.insert(h, o);
            return orders.find(h, id).orElseThrow();
        });
        call.answer(created);
    }

    /** A plan and its warnings for a patient record and a procedure. */
    public record Evaluated(PlanFromRecord.Planned planned, List<CheckWarning> warnings) {
    }

    /** Plans from the record and runs the checks; 422 listing every problem when it cannot be planned. */
    public static Evaluated evaluate(PatientRecord p, Object procedure, Object recipient, Object schedule,
            LocalDate today) {
        try {
            PlanFromRecord.Planned planned = PlanFromRecord.plan(p, procedure, recipient, schedule, today);
            List<CheckWarning> warnings = CandidacyChecks.run(new CandidacyFacts(p, planned.request().procedure(),
                    planned.plan(), today));
            return new Evaluated(planned, warnings);
        } catch (InvalidInputException e) {
            throw HttpProblem.invalid("the order cannot be planned from this procedure and the patient record "
                    + "(fields patient.* are the record's values and latest labs)",
                    e.problems().stream().map(FieldProblem::of).toList());
        }
    }

    public void list(Call call) {
        call.query("patientId").ifPresent(call::concerns);
        call.answer(jdbi.withHandle(h -> orders.list(h, call.query("patientId"), MAX_LIST)));
    }

    public void get(Call call) {
        OrderRecord o = jdbi.withHandle(h -> orders.find(h, call.param("id")))
                .orElseThrow(() -> HttpProblem.notFound("order"));
        call.concerns(o.patientId());
        call.answer(o);
    }

    public void sign(Call call) {
        call.noFields();
        String id = call.param("id");
        Integer expected = call.ifMatch().orElse(null);
        OrderRecord current = jdbi.withHandle(h -> orders.find(h, id)).orElseThrow(() -> HttpProblem.notFound("order"));
        OrderRecord signed = call.write(current.patientId(), h -> {
            OrderRecord o = orders.find(h, id).orElseThrow(() -> HttpProblem.notFound("order"));
            if (OrderRecord.SIGNED.equals(o.status())) {
                throw HttpProblem.conflict("the order was already signed by " + o.signedBy() + " at " + o.signedAt());
            }
            int version = expected == null ? o.version() : expected;
            if (version != o.version() || !orders.sign(h, id, version, call.who().username(), Times.now(clock))) {
                OrderRecord now = orders.find(h, id).orElseThrow();
                throw HttpProblem.staleVersion(now.version(), now);
            }
            return orders.find(h, id).orElseThrow();
        });
        call.answer(signed);
    }

    /** Body {@code {"codes": [...]}} or empty: acknowledges the named (or all current) warnings. */
    public void acknowledge(Call call) {
        String id = call.param("id");
        String body = call.ctx().body();
        List<String> codes;
        Fields f = body.isBlank() ? null : call.fields();
        if (f != null) {
            codes = f.texts("codes", false, 100, 60).orElse(null);
            f.rejectUnknown();
            f.throwIfProblems("the acknowledgement has invalid values");
        } else {
            codes = null;
        }
        OrderRecord current = jdbi.withHandle(h -> orders.find(h, id)).orElseThrow(() -> HttpProblem.notFound("order"));
        OrderRecord after = call.write(current.patientId(), h -> {
            OrderRecord o = orders.find(h, id).orElseThrow(() -> HttpProblem.notFound("order"));
            PatientRecord p = patients.find(h, o.patientId()).orElseThrow();
            List<String> known = new java.util.ArrayList<>(o.warnings().stream().map(CheckWarning::code).toList());
            // warnings may have appeared since the order (new labs): acknowledge those too
            evaluate(p, o.procedure(), o.recipient(), null, LocalDate.now(clock)).warnings()
                    .forEach(w -> {
                        if (!known.contains(w.code())) {
                            known.add(w.code());
                        }
                    });
            List<String> chosen = codes == null ? known : codes;
            List<FieldProblem> problems = new java.util.ArrayList<>();
            for (int i = 0; i < chosen.size(); i++) {
                if (!known.contains(chosen.get(i))) {
                    problems.add(new FieldProblem("codes[" + i + "]", FieldKey.NOT_ONE_OF.name(),
                            FieldKey.NOT_ONE_OF.format(chosen.get(i), String.join(", ", known))));
                }
            }
            if (!problems.isEmpty()) {
                throw HttpProblem.invalid("the acknowledgement has invalid values", problems);
            }
            Instant now = Times.now(clock);
            for (String c : chosen) {
                orders.acknowledge(h, id, c, call.who().username(), now);
            }
            return orders.find(h, id).orElseThrow();
        });
        call.answer(after);
    }
}
