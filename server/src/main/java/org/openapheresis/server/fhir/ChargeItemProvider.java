package org.openapheresis.server.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.IdType;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.billing.BillingService;

/** What was charged, corrections included: read by id, search by patient (required). */
public final class ChargeItemProvider implements IResourceProvider {

    private final BillingService billing;
    private final CompartmentReader reader;
    private final Jdbi jdbi;

    ChargeItemProvider(BillingService billing, CompartmentReader reader, Jdbi jdbi) {
        this.billing = billing;
        this.reader = reader;
        this.jdbi = jdbi;
    }

    @Override
    public Class<ChargeItem> getResourceType() {
        return ChargeItem.class;
    }

    /** A charge is read with its patient's charges, so that it says whether a correction replaced it. */
    @Read
    public ChargeItem read(@IdParam IdType id) {
        String patient = jdbi.withHandle(h -> billing.findPatientOfCharge(h, id.getIdPart()))
                .orElseThrow(() -> new ResourceNotFoundException(id));
        return reader.ofPatient(patient, PatientCompartment.Type.CHARGE_ITEM, ChargeItem.class).stream()
                .filter(c -> c.getIdElement().getIdPart().equals(id.getIdPart())).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<ChargeItem> search(@RequiredParam(name = ChargeItem.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @IncludeParam(allow = {"ChargeItem:patient", "ChargeItem:subject"}) Set<Include> includes) {
        return reader.search(patient.getIdPart(),
                PatientCompartment.Type.CHARGE_ITEM, ChargeItem.class, lastUpdated, sort, includes);
    }
}
