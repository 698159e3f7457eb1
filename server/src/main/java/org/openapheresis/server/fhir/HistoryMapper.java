package org.openapheresis.server.fhir;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Reference;
import org.openapheresis.server.auth.Tokens;
import org.openapheresis.server.patient.PatientRecord;

/**
 * The person's clinical history as the unit's record keeps it, as R4 resources: each recorded condition a Condition,
 * each recorded allergy (and the record's "allergic reaction to plasma") an AllergyIntolerance, and each current
 * medication a MedicationStatement, subject or patient the person. The record keeps them as text, so each carries its
 * text as {@code code.text} (a medication's {@code medicationCodeableConcept.text}) and no code: none is guessed. An
 * allergy on the current record is active ({@code clinicalStatus}, which R4 requires of an allergy not entered in
 * error), as is a medication the record lists as current; a condition's status is left out, since the record lists
 * past conditions with current ones.
 *
 * <p>The record gives them no ids of their own: each id is the person's id, the kind and the first 12 hex digits of
 * the SHA-256 of its text, so it stays the same while the text does; a text recorded twice is one resource. Their
 * {@code meta.lastUpdated} is the record's last change.
 */
public final class HistoryMapper {

    static final String CONDITION_ID = "-cond-";
    static final String ALLERGY_ID = "-allergy-";
    static final String MEDICATION_ID = "-med-";
    /** The text of the record's plasma-allergy fact, as an allergy. */
    static final String PLASMA_ALLERGY = "Plasma (allergic reaction to plasma recorded)";
    private static final String ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";

    private HistoryMapper() {
    }

    /** The person's conditions. */
    public static List<Condition> conditions(PatientRecord p) {
        List<Condition> out = new ArrayList<>();
        for (String text : new LinkedHashSet<>(p.history().conditions())) {
            Condition c = new Condition();
            c.setId(id(p.id(), CONDITION_ID, text));
            c.getMeta().setLastUpdated(Date.from(p.updatedAt()));
            c.setSubject(new Reference("Patient/" + p.id()));
            c.setCode(new CodeableConcept().setText(text));
            out.add(c);
        }
        return out;
    }

    /** The person's allergies (the plasma-allergy fact among them, when the record has it). */
    public static List<AllergyIntolerance> allergies(PatientRecord p) {
        LinkedHashSet<String> texts = new LinkedHashSet<>(p.history().allergies());
        if (p.history().plasmaAllergy()) {
            texts.add(PLASMA_ALLERGY);
        }
        List<AllergyIntolerance> out = new ArrayList<>();
        for (String text : texts) {
            AllergyIntolerance a = new AllergyIntolerance();
            a.setId(id(p.id(), ALLERGY_ID, text));
            a.getMeta().setLastUpdated(Date.from(p.updatedAt()));
            a.setPatient(new Reference("Patient/" + p.id()));
            a.setClinicalStatus(new CodeableConcept(new Coding(ALLERGY_CLINICAL, "active", "Active")));
            a.setCode(new CodeableConcept().setText(text));
            out.add(a);
        }
        return out;
    }

    /** The person's current medications. */
    public static List<org.hl7.fhir.r4.model.MedicationStatement> medications(PatientRecord p) {
        List<org.hl7.fhir.r4.model.MedicationStatement> out = new ArrayList<>();
        for (String text : new LinkedHashSet<>(p.history().medications())) {
            org.hl7.fhir.r4.model.MedicationStatement m = new org.hl7.fhir.r4.model.MedicationStatement();
            m.setId(id(p.id(), MEDICATION_ID, text));
            m.getMeta().setLastUpdated(Date.from(p.updatedAt()));
            m.setStatus(org.hl7.fhir.r4.model.MedicationStatement.MedicationStatementStatus.ACTIVE);
            m.setSubject(new Reference("Patient/" + p.id()));
            m.setMedication(new CodeableConcept().setText(text));
            out.add(m);
        }
        return out;
    }

    /** The person's id of a condition or allergy id of this mapper, else empty. */
    static Optional<String> personOf(String id, String kind) {
        int at = id.lastIndexOf(kind);
        return at > 0 ? Optional.of(id.substring(0, at)) : Optional.empty();
    }

    private static String id(String patientId, String kind, String text) {
        return patientId + kind + Tokens.sha256Hex(text).substring(0, 12);
    }
}
