package org.openapheresis.server.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;

/**
 * HAPI's in-process validator against the R4 base definitions, offline, built once per JVM (the first validation
 * loads the definitions and takes seconds). LOINC and the unit's own systems cannot be checked offline: the
 * validator warns about them, and only errors count.
 */
final class R4Validation {

    private static final FhirContext CTX = FhirContext.forR4Cached();
    private static final FhirValidator VALIDATOR = build();

    private R4Validation() {
    }

    private static FhirValidator build() {
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(CTX),
                new CommonCodeSystemsTerminologyService(CTX), new InMemoryTerminologyServerValidationSupport(CTX));
        FhirValidator v = CTX.newValidator();
        v.registerValidatorModule(new FhirInstanceValidator(chain));
        return v;
    }

    /** The errors (and fatal errors) of a resource as JSON or XML text: empty when it is valid R4. */
    static List<String> errors(String resource) {
        return VALIDATOR.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(R4Validation::describe).toList();
    }

    private static String describe(SingleValidationMessage m) {
        return m.getLocationString() + ": " + m.getMessage();
    }

    static FhirContext context() {
        return CTX;
    }
}
