package org.openapheresis.server.fhir;

import java.math.BigDecimal;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.openapheresis.server.patient.LabEntry;

/**
 * One lab value as an R4 laboratory Observation: the LOINC code and UCUM unit from {@link LabCodes}, the time the
 * sample was taken as the effective time, the time it was recorded as issued, and the session it was taken at as
 * the Procedure it is part of.
 */
public final class ObservationMapper {

    private ObservationMapper() {
    }

    public static Observation toFhir(LabEntry lab, LabCodes.Code code) {
        Observation o = new Observation();
        o.setId(lab.id());
        o.getMeta().setLastUpdated(Date.from(lab.recordedAt()));
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding(FhirSystems.OBSERVATION_CATEGORY, "laboratory", "Laboratory")));
        CodeableConcept c = new CodeableConcept();
        c.addCoding().setSystem(FhirSystems.LOINC).setCode(code.loinc());
        c.setText(code.name());
        o.setCode(c);
        o.setSubject(new Reference("Patient/" + lab.patientId()));
        if (lab.sessionId() != null) {
            o.addPartOf(new Reference("Procedure/" + lab.sessionId()));
        }
        o.setEffective(new DateTimeType(Date.from(lab.takenAt())));
        o.setIssued(Date.from(lab.recordedAt()));
        o.setValue(new Quantity().setValue(BigDecimal.valueOf(lab.value())).setUnit(lab.unit())
                .setSystem(FhirSystems.UCUM).setCode(code.ucum()));
        return o;
    }
}
