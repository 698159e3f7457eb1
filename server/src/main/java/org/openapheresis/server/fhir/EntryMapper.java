package org.openapheresis.server.fhir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.openapheresis.procedure.ProcedureSpec;
import org.openapheresis.server.session.Entries;
import org.openapheresis.server.session.SessionRecord;
import org.openapheresis.server.session.SessionStatus;
import org.openapheresis.server.session.Vocabulary;

/**
 * What was observed and given in a session, as R4 resources: vital signs as vital-signs Observations (LOINC codes
 * of the R4 vital signs profile, blood pressure as one panel with systolic and diastolic components), each machine
 * or nurse sample of run values as one procedure Observation with a component per measure (the unit's own codes:
 * LOINC has none for a separator's flows), an adverse event as an AdverseEvent (the WAA registry's grade kept as
 * an extension, since R4's severity has only mild, moderate and severe), and IVIG or calcium given as a
 * MedicationAdministration (grams from the volume and the solution's strength in g per 100 mL).
 */
public final class EntryMapper {

    /** The unit's codes for the run-value measures (component codes) and for the sample as a whole. */
    public static final String RUN_VALUE_SYSTEM = "urn:openapheresis:run-value";
    /** The unit's codes for adverse event types (the list staff choose from). */
    public static final String ADVERSE_EVENT_SYSTEM = "urn:openapheresis:adverse-event";
    /** The WAA registry grade of an adverse event (mild, moderate, severe, death) with its definition. */
    public static final String WAA_GRADE_EXTENSION = "urn:openapheresis:fhir:extension:waa-grade";
    /** What the nurse did about an adverse event. */
    public static final String ACTION_EXTENSION = "urn:openapheresis:fhir:extension:action-taken";
    /** Whether the adverse event interrupted the procedure. */
    public static final String INTERRUPTED_EXTENSION = "urn:openapheresis:fhir:extension:procedure-interrupted";
    /** The unit's codes for the fluids and drugs given. */
    public static final String FLUID_SYSTEM = "urn:openapheresis:fluid";

    private static final String SEVERITY = "http://terminology.hl7.org/CodeSystem/adverse-event-severity";
    private static final String OUTCOME = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome";
    private static final Map<String, LabCodes.Code> VITALS = LabCodes.vitals();

    /** Suffixes of the Observations one vitals entry makes, after its id. */
    static final List<String> VITAL_SUFFIXES = List.of("-bp", "-hr", "-spo2", "-temp");

    private EntryMapper() {
    }

    /** The drugs given as a MedicationAdministration, with their strength in g per 100 mL. */
    static Optional<BigDecimal> strengthGPer100Ml(Vocabulary.Fluid f, Optional<ProcedureSpec> order) {
        return switch (f) {
            case IVIG -> order.filter(p -> p instanceof ProcedureSpec.IvigInfusion)
                    .map(p -> BigDecimal.valueOf(((ProcedureSpec.IvigInfusion) p).productPercent()));
            case CALCIUM_GLUCONATE_10, CALCIUM_CHLORIDE_10 -> Optional.of(BigDecimal.TEN);
            default -> Optional.empty();
        };
    }

    /** Whether a fluid given is a drug the face answers as a MedicationAdministration. */
    static boolean isMedication(Vocabulary.Fluid f) {
        return f == Vocabulary.Fluid.IVIG || f == Vocabulary.Fluid.CALCIUM_GLUCONATE_10
                || f == Vocabulary.Fluid.CALCIUM_CHLORIDE_10;
    }

    /** The Observations of one vitals entry: one per sign recorded (blood pressure when either value is). */
    public static List<Observation> vitals(SessionRecord s, Entries.Vitals v) {
        return vitals(s.patientId(), Optional.of(s.id()), v);
    }

    /**
     * The Observations of vital signs of a patient, part of the session ({@code Procedure}) they were taken in,
     * when they were.
     */
    static List<Observation> vitals(String patientId, Optional<String> sessionId, Entries.Vitals v) {
        List<Observation> out = new ArrayList<>();
        if (v.systolicMmHg() != null || v.diastolicMmHg() != null) {
            Observation bp = vital(patientId, sessionId, v, "-bp", VITALS.get("bloodPressure"));
            if (v.systolicMmHg() != null) {
                bp.addComponent().setCode(code(VITALS.get("systolicMmHg"))).setValue(quantity(v.systolicMmHg(),
                        VITALS.get("systolicMmHg"), "mmHg"));
            }
            if (v.diastolicMmHg() != null) {
                bp.addComponent().setCode(code(VITALS.get("diastolicMmHg"))).setValue(quantity(v.diastolicMmHg(),
                        VITALS.get("diastolicMmHg"), "mmHg"));
            }
            out.add(bp);
        }
        single(patientId, sessionId, v, "-hr", "pulsePerMin", v.pulsePerMin(), "beats/minute").ifPresent(out::add);
        single(patientId, sessionId, v, "-spo2", "spo2Percent", v.spo2Percent(), "%").ifPresent(out::add);
        single(patientId, sessionId, v, "-temp", "temperatureC", v.temperatureC(), "C").ifPresent(out::add);
        return out;
    }

    private static Optional<Observation> single(String patientId, Optional<String> sessionId, Entries.Vitals v,
            String suffix, String field, Double value, String unit) {
        if (value == null) {
            return Optional.empty();
        }
        Observation o = vital(patientId, sessionId, v, suffix, VITALS.get(field));
        o.setValue(quantity(value, VITALS.get(field), unit));
        return Optional.of(o);
    }

    private static Observation vital(String patientId, Optional<String> sessionId, Entries.Vitals v, String suffix,
            LabCodes.Code c) {
        Observation o = new Observation();
        o.setId(v.id() + suffix);
        o.getMeta().setLastUpdated(Date.from(v.recordedAt()));
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding(FhirSystems.OBSERVATION_CATEGORY, "vital-signs", "Vital Signs")));
        o.setCode(code(c));
        o.setSubject(new Reference("Patient/" + patientId));
        sessionId.ifPresent(id -> o.addPartOf(new Reference("Procedure/" + id)));
        o.setEffective(new DateTimeType(Date.from(v.time())));
        o.setIssued(Date.from(v.recordedAt()));
        o.addPerformer().setDisplay(v.recordedBy());
        return o;
    }

    private static CodeableConcept code(LabCodes.Code c) {
        CodeableConcept cc = new CodeableConcept();
        cc.addCoding().setSystem(FhirSystems.LOINC).setCode(c.loinc()).setDisplay(c.name());
        return cc.setText(c.name());
    }

    private static Quantity quantity(double value, LabCodes.Code c, String unit) {
        return new Quantity().setValue(BigDecimal.valueOf(value)).setUnit(unit).setSystem(FhirSystems.UCUM)
                .setCode(c.ucum());
    }

    /** One sample of run values: a component per measure present; the machine as the device when booked. */
    public static Observation runValue(SessionRecord s, Entries.RunValue r, Optional<String> deviceId) {
        Observation o = new Observation();
        o.setId(r.id());
        o.getMeta().setLastUpdated(Date.from(r.recordedAt()));
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding(FhirSystems.OBSERVATION_CATEGORY, "procedure", "Procedure")));
        o.setCode(new CodeableConcept(new Coding(RUN_VALUE_SYSTEM, "run-values", "Apheresis run values"))
                .setText("Apheresis run values (" + r.source().code() + ")"));
        o.setSubject(new Reference("Patient/" + s.patientId()));
        o.addPartOf(new Reference("Procedure/" + s.id()));
        o.setEffective(new DateTimeType(Date.from(r.time())));
        o.setIssued(Date.from(r.recordedAt()));
        o.addPerformer().setDisplay(r.recordedBy());
        deviceId.ifPresent(d -> o.setDevice(new Reference("Device/" + d)));
        component(o, "inletFlowMlPerMin", "inlet flow", r.inletFlowMlPerMin(), "mL/min");
        component(o, "acFlowMlPerMin", "anticoagulant flow", r.acFlowMlPerMin(), "mL/min");
        component(o, "removalFlowMlPerMin", "removal flow", r.removalFlowMlPerMin(), "mL/min");
        component(o, "replacementFlowMlPerMin", "replacement flow", r.replacementFlowMlPerMin(), "mL/min");
        component(o, "processedVolumeMl", "processed volume", r.processedVolumeMl(), "mL");
        component(o, "acVolumeMl", "anticoagulant volume", r.acVolumeMl(), "mL");
        component(o, "removedVolumeMl", "removed volume", r.removedVolumeMl(), "mL");
        component(o, "replacementVolumeMl", "replacement volume", r.replacementVolumeMl(), "mL");
        component(o, "fluidBalanceMl", "fluid balance", r.fluidBalanceMl(), "mL");
        return o;
    }

    private static void component(Observation o, String field, String name, Double value, String ucum) {
        if (value != null) {
            o.addComponent().setCode(new CodeableConcept(new Coding(RUN_VALUE_SYSTEM, field, name)).setText(name))
                    .setValue(new Quantity().setValue(BigDecimal.valueOf(value)).setUnit(ucum)
                            .setSystem(FhirSystems.UCUM).setCode(ucum));
        }
    }

    /** An adverse event of a session. */
    public static AdverseEvent adverseEvent(SessionRecord s, Entries.AdverseEvent e) {
        AdverseEvent a = new AdverseEvent();
        a.setId(e.id());
        a.getMeta().setLastUpdated(Date.from(e.recordedAt()));
        a.setActuality(AdverseEvent.AdverseEventActuality.ACTUAL);
        a.setSubject(new Reference("Patient/" + s.patientId()));
        a.setEvent(new CodeableConcept(new Coding(ADVERSE_EVENT_SYSTEM, e.type().code(), e.type().description()))
                .setText(e.type().description() + e.notes().map(n -> ": " + n).orElse("")));
        a.setDate(Date.from(e.time()));
        a.setRecordedDate(Date.from(e.recordedAt()));
        a.setRecorder(new Reference().setDisplay(e.recordedBy()));
        Vocabulary.Grade g = e.grade();
        String severity = switch (g) {
            case MILD -> "mild";
            case MODERATE -> "moderate";
            case SEVERE, DEATH -> "severe";
        };
        a.setSeverity(new CodeableConcept(new Coding(SEVERITY, severity, severity.substring(0, 1).toUpperCase()
                + severity.substring(1))));
        if (g == Vocabulary.Grade.DEATH) {
            a.setOutcome(new CodeableConcept(new Coding(OUTCOME, "fatal", "Fatal")));
        }
        a.addExtension(WAA_GRADE_EXTENSION, new Coding("urn:openapheresis:waa-grade", g.code(), g.definition()));
        e.actionTaken().ifPresent(t -> a.addExtension(ACTION_EXTENSION, new StringType(t)));
        a.addExtension(INTERRUPTED_EXTENSION, new BooleanType(e.interrupted()));
        a.addSuspectEntity().setInstance(new Reference("Procedure/" + s.id()));
        return a;
    }

    /**
     * A drug given in a session. The dose in grams when the strength is known. The record keeps no pump rate: when
     * the drug is the only one of its kind given in a completed session, the rate is its volume over the session's
     * performed period, an average (the dosage text says so); otherwise there is no rate.
     *
     * @param onlyOfItsKind whether no other entry of the same drug was recorded in the session
     */
    public static MedicationAdministration medication(SessionRecord s, Entries.FluidGiven f,
            Optional<ProcedureSpec> order, boolean onlyOfItsKind) {
        MedicationAdministration m = new MedicationAdministration();
        m.setId(f.id());
        m.getMeta().setLastUpdated(Date.from(f.recordedAt()));
        m.setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
        Optional<BigDecimal> strength = strengthGPer100Ml(f.fluid(), order);
        String name = f.fluid() == Vocabulary.Fluid.IVIG
                ? "Immune globulin, intravenous (IVIG)" + strength.map(p -> " " + p.stripTrailingZeros().toPlainString()
                        + " %").orElse("")
                : f.fluid().displayName();
        m.setMedication(new CodeableConcept(new Coding(FLUID_SYSTEM, f.fluid().code(), f.fluid().displayName()))
                .setText(name));
        m.setSubject(new Reference("Patient/" + s.patientId()));
        m.setEffective(new DateTimeType(Date.from(f.time())));
        m.addPerformer().setActor(new Reference().setDisplay(f.recordedBy()));
        m.addPartOf(new Reference("Procedure/" + s.id()));
        MedicationAdministration.MedicationAdministrationDosageComponent d = m.getDosage();
        BigDecimal ml = BigDecimal.valueOf(f.volumeMl());
        d.setRoute(new CodeableConcept().setText("intravenous"));
        String text = ml.stripTrailingZeros().toPlainString() + " mL";
        if (strength.isPresent()) {
            BigDecimal grams = ml.multiply(strength.get()).divide(BigDecimal.valueOf(100), 3, RoundingMode.HALF_UP)
                    .stripTrailingZeros();
            d.setDose((org.hl7.fhir.r4.model.Quantity) new org.hl7.fhir.r4.model.Quantity().setValue(grams)
                    .setUnit("g").setSystem(FhirSystems.UCUM).setCode("g"));
            text += " (" + grams.toPlainString() + " g)";
        } else {
            d.setDose(new org.hl7.fhir.r4.model.Quantity().setValue(ml).setUnit("mL").setSystem(FhirSystems.UCUM)
                    .setCode("mL"));
        }
        if (onlyOfItsKind && s.status() == SessionStatus.COMPLETED && s.startedAt().isPresent() && s.endedAt().isPresent()) {
            Duration run = Duration.between(s.startedAt().get(), s.endedAt().get());
            if (!run.isZero() && !run.isNegative()) {
                BigDecimal perHour = ml.multiply(BigDecimal.valueOf(3600))
                        .divide(BigDecimal.valueOf(run.getSeconds()), 1, RoundingMode.HALF_UP);
                d.setRate(new org.hl7.fhir.r4.model.Quantity().setValue(perHour).setUnit("mL/h")
                        .setSystem(FhirSystems.UCUM).setCode("mL/h"));
                text += ", on average " + perHour.toPlainString() + " mL/h over the session";
            }
        }
        d.setText(text);
        return m;
    }
}
