package org.openapheresis.server.fhir;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.jdbi.v3.core.Handle;
import org.openapheresis.server.access.Actor;
import org.openapheresis.server.patient.LabEntry;
import org.openapheresis.server.patient.LabField;
import org.openapheresis.server.patient.PatientRecord;
import org.openapheresis.server.patient.PatientService;
import org.openapheresis.server.system.AuditTrail;

/**
 * The lab system's feed: a transaction Bundle of Observations, each for a known person (the subject by MRN
 * identifier, by {@code Patient?identifier=} or by {@code Patient/{id}}), with a LOINC code of the unit's table, a
 * quantity in a unit that converts to the field's ({@code /fhir/lab-units.csv}), a plausible value and the time the
 * sample was taken (not in the future). Every entry is checked first; one problem refuses the whole Bundle, each
 * problem an OperationOutcome issue naming its entry ({@code Bundle.entry[2].resource.valueQuantity}); otherwise all
 * values are stored in one transaction, with one audit entry per person.
 */
public final class LabImport {

    /** A problem with one entry. */
    record Problem(int entry, String path, String message) {
    }

    /** Entries refused: nothing was stored. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        Refused(List<Problem> problems) {
            super(problems.size() + " entries refused");
            this.problems = List.copyOf(problems);
        }

        List<Problem> problems() {
            return problems;
        }

        OperationOutcome outcome() {
            OperationOutcome o = new OperationOutcome();
            for (Problem p : problems) {
                o.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.INVALID)
                        .setDiagnostics("entry " + p.entry() + ": " + p.message())
                        .addExpression("Bundle.entry[" + p.entry() + "]" + (p.path().isEmpty() ? "" : "." + p.path()));
            }
            return o;
        }
    }

    private record Unit(String field, String ucum, BigDecimal factor) {
    }

    private record Checked(int entry, PatientRecord patient, Instant takenAt, String field, double value) {
    }

    private final PatientService patients;
    private final LabCodes codes;
    private final List<Unit> units;
    private final AuditTrail audit;
    private final Clock clock;

    /** The identifier system of the unit's MRNs: a subject's identifier must be in it (or give none). */
    private final String mrnSystem;

    LabImport(PatientService patients, LabCodes codes, AuditTrail audit, Clock clock, String mrnSystem) {
        this.mrnSystem = mrnSystem;
        this.patients = patients;
        this.codes = codes;
        this.audit = audit;
        this.clock = clock;
        List<Unit> u = new ArrayList<>();
        for (String[] row : LabCodes.rows("/fhir/lab-units.csv", 3)) {
            u.add(new Unit(row[0], row[1], new BigDecimal(row[2])));
        }
        this.units = List.copyOf(u);
    }

    /** Checks every entry, then stores them all or none; answers the stored lab values in entry order. */
    List<LabEntry> importBundle(Handle h, Actor by, Bundle bundle) {
        if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
            throw new Refused(List.of(new Problem(0, "", "send a Bundle of type transaction (was "
                    + (bundle.getType() == null ? "none" : bundle.getType().toCode()) + ")")));
        }
        List<Problem> problems = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        if (entries.isEmpty()) {
            problems.add(new Problem(0, "", "the Bundle has no entries"));
        }
        for (int i = 0; i < entries.size(); i++) {
            check(h, i, entries.get(i), problems).ifPresent(checked::add);
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        List<LabEntry> stored = new ArrayList<>();
        Map<String, PatientRecord> people = new LinkedHashMap<>();
        for (Checked c : checked) {
            stored.addAll(patients.importLabs(h, by, c.patient().id(), c.takenAt(), Map.of(c.field(), c.value())));
            people.put(c.patient().id(), c.patient());
        }
        for (String id : people.keySet()) {
            audit.append(h, by.username(), "POST /fhir", "/fhir (transaction: lab values)", id, "200");
        }
        return stored;
    }

    private Optional<Checked> check(Handle h, int i, Bundle.BundleEntryComponent e, List<Problem> problems) {
        int before = problems.size();
        if (!(e.getResource() instanceof Observation o)) {
            problems.add(new Problem(i, "resource", "only Observations are imported (was "
                    + (e.getResource() == null ? "nothing" : e.getResource().fhirType()) + ")"));
            return Optional.empty();
        }
        if (e.getRequest().getMethod() != Bundle.HTTPVerb.POST || !"Observation".equals(e.getRequest().getUrl())) {
            problems.add(new Problem(i, "request", "each entry creates an Observation: request POST Observation"));
        }
        if (o.getStatus() != Observation.ObservationStatus.FINAL && o.getStatus() != Observation.ObservationStatus.AMENDED
                && o.getStatus() != Observation.ObservationStatus.CORRECTED) {
            problems.add(new Problem(i, "resource.status", "only final, amended or corrected results are imported"));
        }
        Optional<LabCodes.Code> code = o.getCode().getCoding().stream()
                .filter(c -> FhirSystems.LOINC.equals(c.getSystem())).map(Coding::getCode)
                .map(codes::ofLoinc).flatMap(Optional::stream).findFirst();
        if (code.isEmpty()) {
            problems.add(new Problem(i, "resource.code", "no LOINC code the unit records (known: "
                    + codes.all().stream().map(LabCodes.Code::loinc).toList() + ")"));
        }
        Optional<PatientRecord> patient = subject(h, o.getSubject());
        if (patient.isEmpty()) {
            problems.add(new Problem(i, "resource.subject", "no known person for the subject (give the MRN as "
                    + "identifier, system " + mrnSystem + ")"));
        }
        Instant takenAt = o.hasEffectiveDateTimeType() && o.getEffectiveDateTimeType().getValue() != null
                ? o.getEffectiveDateTimeType().getValue().toInstant() : null;
        if (takenAt == null) {
            problems.add(new Problem(i, "resource.effectiveDateTime", "the time the sample was taken is required"));
        } else if (takenAt.isAfter(clock.instant())) {
            problems.add(new Problem(i, "resource.effectiveDateTime", "the sample time " + takenAt
                    + " is in the future"));
        }
        Double value = null;
        if (!o.hasValueQuantity() || o.getValueQuantity().getValue() == null) {
            problems.add(new Problem(i, "resource.valueQuantity", "a quantity with its UCUM unit is required"));
        } else if (code.isPresent()) {
            value = convert(i, o.getValueQuantity(), code.get(), problems);
        }
        if (problems.size() > before || value == null) {
            return Optional.empty();
        }
        return Optional.of(new Checked(i, patient.get(), takenAt, code.get().field(), value));
    }

    /** The value in the field's unit and range, or null with the problem added. */
    private Double convert(int i, Quantity q, LabCodes.Code code, List<Problem> problems) {
        String ucum = q.getCode();
        if (q.hasSystem() && !FhirSystems.UCUM.equals(q.getSystem()) || ucum == null) {
            problems.add(new Problem(i, "resource.valueQuantity", "the unit must be a UCUM code (system "
                    + FhirSystems.UCUM + ")"));
            return null;
        }
        Optional<Unit> unit = units.stream().filter(u -> u.field().equals(code.field()) && u.ucum().equals(ucum))
                .findFirst();
        if (unit.isEmpty()) {
            problems.add(new Problem(i, "resource.valueQuantity.code", "unit " + ucum + " does not convert to "
                    + code.ucum() + " for " + code.name() + " (accepted: " + units.stream()
                    .filter(u -> u.field().equals(code.field())).map(Unit::ucum).toList() + ")"));
            return null;
        }
        double v = q.getValue().multiply(unit.get().factor()).doubleValue();
        LabField field = LabField.of(code.field()).orElseThrow();
        if (!field.range().contains(v)) {
            problems.add(new Problem(i, "resource.valueQuantity.value", code.name() + " " + v + " " + code.ucum()
                    + " is outside the plausible range " + field.range().low() + "–" + field.range().high() + " "
                    + code.ucum()));
            return null;
        }
        return v;
    }

    private Optional<PatientRecord> subject(Handle h, Reference ref) {
        if (ref.hasIdentifier()) {
            Identifier id = ref.getIdentifier();
            if (id.hasSystem() && !mrnSystem.equals(id.getSystem()) || !id.hasValue()) {
                return Optional.empty();
            }
            return patients.findByMrn(h, id.getValue());
        }
        String r = ref.getReference();
        if (r == null) {
            return Optional.empty();
        }
        String prefix = "Patient?identifier=";
        if (r.startsWith(prefix)) {
            String token = java.net.URLDecoder.decode(r.substring(prefix.length()), java.nio.charset.StandardCharsets.UTF_8);
            int bar = token.indexOf('|');
            if (bar >= 0 && !token.substring(0, bar).isEmpty() && !mrnSystem.equals(token.substring(0, bar))) {
                return Optional.empty();
            }
            return patients.findByMrn(h, bar >= 0 ? token.substring(bar + 1) : token);
        }
        if (r.startsWith("Patient/")) {
            return patients.find(h, r.substring("Patient/".length()));
        }
        return Optional.empty();
    }
}
