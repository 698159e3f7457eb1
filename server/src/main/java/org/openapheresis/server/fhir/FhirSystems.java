package org.openapheresis.server.fhir;

/**
 * The code and identifier systems the FHIR face writes. The external ones are the URIs the FHIR R4
 * specification gives (terminologies page); the unit's own are URNs of the project's namespace. The MRN system is
 * the unit's to name (its EHR's, {@code serve --fhir-mrn-system}); without it, the project's URN {@link #MRN} (a
 * made-up {@code urn:oid:} would be worse: the validator refuses OIDs that are not valid, and nobody registered one).
 */
public final class FhirSystems {

    /** LOINC, as FHIR R4 names it. */
    public static final String LOINC = "http://loinc.org";
    /** UCUM, as FHIR R4 names it. */
    public static final String UCUM = "http://unitsofmeasure.org";
    /**
     * ICD-10-CM, as FHIR R4 names it: the indications the unit records are ICD-10-CM codes (for example Z52.091,
     * which WHO ICD-10 does not have).
     */
    public static final String ICD10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    /** SNOMED CT, as FHIR R4 names it (the international edition; no version is claimed). */
    public static final String SNOMED_CT = "http://snomed.info/sct";
    /** HL7 v2 table 0203, identifier type ({@code MR}: medical record number). */
    public static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";
    /** FHIR's observation categories ({@code laboratory}). */
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    /**
     * The Source of Payment Typology (PHDSC; now kept by CDC/NCHS), the payer types US Core binds Coverage.type to;
     * the URI HL7 Terminology endorses (its OID is 2.16.840.1.113883.3.221.5). docs/sources.md row C18.
     */
    public static final String SOPT = "https://nahdo.org/sopt";
    /** The unit's medical record numbers, when the unit names no system of its own. */
    public static final String MRN = org.openapheresis.server.ServerConfig.DEFAULT_MRN_SYSTEM;
    /** The unit's tag that says whether a person is treated or donates ({@code patient}, {@code donor}). */
    public static final String PERSON_KIND = "urn:openapheresis:person-kind";

    private FhirSystems() {
    }
}
