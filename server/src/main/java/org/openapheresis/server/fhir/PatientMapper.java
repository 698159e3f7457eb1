package org.openapheresis.server.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.openapheresis.patient.Sex;
import org.openapheresis.server.patient.PatientRecord;

/**
 * A person (patient or donor) as an R4 Patient: the MRN as the unit's identifier, name, gender, birth date, and a
 * tag saying whether the person is treated or donates. Clinical facts (history, measurements, labs) are not part
 * of the Patient: labs are Observations.
 */
public final class PatientMapper {

    private PatientMapper() {
    }

    /** The person with the MRN in the unit's identifier system. */
    public static Patient toFhir(PatientRecord p, String mrnSystem) {
        Patient r = new Patient();
        r.setId(p.id());
        r.getMeta().setVersionId(Integer.toString(p.version())).setLastUpdated(Date.from(p.updatedAt()))
                .addTag(FhirSystems.PERSON_KIND, p.kind().code(), p.kind().code());
        r.addIdentifier().setUse(Identifier.IdentifierUse.USUAL).setSystem(mrnSystem).setValue(p.mrn())
                .setType(new CodeableConcept(new Coding(FhirSystems.IDENTIFIER_TYPE, "MR", "Medical record number")));
        r.setActive(true);
        r.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(p.familyName()).addGiven(p.givenName());
        r.setGender(p.sex() == Sex.FEMALE ? AdministrativeGender.FEMALE : AdministrativeGender.MALE);
        r.setBirthDateElement(new DateType(p.birthDate().toString()));
        return r;
    }
}
