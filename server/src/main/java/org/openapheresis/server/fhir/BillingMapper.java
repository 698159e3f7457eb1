package org.openapheresis.server.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.openapheresis.server.billing.PayerCoverage;
import org.openapheresis.server.billing.PayerKind;

/**
 * What the unit bills and who pays, as R4 resources. A charge is a ChargeItem: the CPT or HCPCS code with its
 * checked descriptor, the units, the day of service, the amount as {@code priceOverride} (the unit's price list is
 * not published as ChargeItemDefinitions), the order's ICD-10 code as the reason and the session as the service; a
 * charge a correction replaced is {@code not-billable} with a note naming the correction. A coverage is a Coverage:
 * the payer, its kind as the type (a Source of Payment Typology category), the member id, the plan year as the
 * period, the plan as a class, and the deductible, coinsurance, copay and out-of-pocket maximum as
 * {@code costToBeneficiary}; R4 has no element for the amounts met so far or a prior authorisation, so extensions
 * carry them.
 */
public final class BillingMapper {

    /** CPT, as FHIR names it. */
    public static final String CPT = "http://www.ama-assn.org/go/cpt";
    /** HCPCS level II, as US Core names it. */
    public static final String HCPCS = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
    /** What the patient has paid towards the deductible this plan year. */
    public static final String DEDUCTIBLE_MET_EXTENSION = "urn:openapheresis:fhir:extension:deductible-met";
    /** What the patient has paid towards the out-of-pocket maximum this plan year. */
    public static final String OUT_OF_POCKET_MET_EXTENSION = "urn:openapheresis:fhir:extension:out-of-pocket-met";
    /** The payer's prior authorisation number and the days it holds. */
    public static final String PRIOR_AUTHORIZATION_EXTENSION = "urn:openapheresis:fhir:extension:prior-authorization";

    /** For a donor acquisition charge, the recipient whose transplant claim it is held for. */
    public static final String ACQUISITION_FOR_EXTENSION = "urn:openapheresis:fhir:extension:acquisition-for";

    private static final String COPAY_TYPE = "http://terminology.hl7.org/CodeSystem/coverage-copay-type";
    private static final String COVERAGE_CLASS = "http://terminology.hl7.org/CodeSystem/coverage-class";

    private BillingMapper() {
    }

    public static ChargeItem charge(org.openapheresis.server.billing.ChargeItem.View v) {
        org.openapheresis.server.billing.ChargeItem c = v.item();
        ChargeItem r = new ChargeItem();
        r.setId(c.id());
        r.getMeta().setLastUpdated(Date.from(c.createdAt()));
        r.setStatus(v.current() ? ChargeItem.ChargeItemStatus.BILLABLE : ChargeItem.ChargeItemStatus.NOTBILLABLE);
        String system = "HCPCS".equalsIgnoreCase(c.codeSystem()) ? HCPCS : CPT;
        r.setCode(new CodeableConcept(new Coding(system, c.code(), c.descriptor())).setText(c.descriptor()));
        r.setSubject(new Reference("Patient/" + c.patientId()));
        r.setOccurrence(new DateTimeType(c.serviceDate().toString()));
        r.setQuantity(new Quantity().setValue(c.units()));
        c.amount().ifPresent(a -> r.setPriceOverride(new Money().setValue(a).setCurrency(c.currency())));
        c.diagnosisCode().ifPresent(d -> r.addReason(new CodeableConcept(new Coding(FhirSystems.ICD10_CM, d, null))));
        c.sessionId().ifPresent(s -> r.addService(new Reference("Procedure/" + s)));
        r.setEnterer(new Reference().setDisplay(c.createdBy()));
        r.setEnteredDate(Date.from(c.createdAt()));
        c.corrects().ifPresent(old -> r.addPartOf(new Reference("ChargeItem/" + old)));
        c.correctionReason().ifPresent(why -> r.addNote().setText("Corrects ChargeItem/" + c.corrects().orElse("?")
                + ": " + why));
        v.correctedBy().ifPresent(by -> r.addNote().setText("Corrected by ChargeItem/" + by));
        v.acquisition().ifPresent(a -> {
            a.recipientId().ifPresent(rec -> r.addExtension(ACQUISITION_FOR_EXTENSION, new Reference("Patient/" + rec)));
            r.addNote().setText("Donor acquisition charge: never billed to the donor; held for the recipient's "
                    + "transplant claim, revenue code " + org.openapheresis.server.billing.ChargeItem.Acquisition
                    .REVENUE_CODE + (a.recipientId().isPresent() ? "" : " (no recipient registered yet)"));
        });
        return r;
    }

    public static Coverage coverage(PayerCoverage c) {
        Coverage r = new Coverage();
        r.setId(c.id());
        r.getMeta().setLastUpdated(Date.from(c.createdAt()));
        r.setStatus(Coverage.CoverageStatus.ACTIVE);
        r.setBeneficiary(new Reference("Patient/" + c.patientId()));
        c.payerKind().map(BillingMapper::payerType).ifPresent(r::setType);
        r.addPayor(new Reference().setDisplay(c.payer()));
        r.setSubscriberId(c.memberId());
        r.setPeriod(new Period().setStartElement(new DateTimeType(c.planYearStart().toString()))
                .setEndElement(new DateTimeType(c.planYearEnd().toString())));
        r.addClass_().setType(new CodeableConcept(new Coding(COVERAGE_CLASS, "plan", "Plan"))).setValue(c.plan())
                .setName(c.plan());
        c.network().ifPresent(n -> r.setNetwork(n.code()));
        cost(r, "deductible", "Deductible", new Money().setValue(c.deductible()).setCurrency(c.currency()));
        cost(r, "copaypct", "Copay Percentage", new Quantity().setValue(c.coinsurancePercent()).setUnit("%")
                .setSystem(FhirSystems.UCUM).setCode("%"));
        cost(r, "copay", "Copay Amount", new Money().setValue(c.copayPerVisit()).setCurrency(c.currency()));
        cost(r, "maxoutofpocket", "Maximum out of pocket", new Money().setValue(c.outOfPocketMax())
                .setCurrency(c.currency()));
        r.addExtension(DEDUCTIBLE_MET_EXTENSION, new Money().setValue(c.deductibleMet()).setCurrency(c.currency()));
        r.addExtension(OUT_OF_POCKET_MET_EXTENSION, new Money().setValue(c.outOfPocketMet()).setCurrency(c.currency()));
        c.priorAuthorization().ifPresent(a -> r.addExtension(PRIOR_AUTHORIZATION_EXTENSION, new StringType(a.number()
                + " (" + a.validFrom() + " to " + a.validTo() + ")")));
        return r;
    }

    /**
     * The payer kind as a Source of Payment Typology category: 1 Medicare, 2 Medicaid, 5 private health insurance
     * (the top-level categories; docs/sources.md row C18). "Other" has no single category (a Medicare Advantage plan
     * is a Medicare subcategory, a charity is not insurance), so it gets a text and no code rather than a wrong code.
     */
    static CodeableConcept payerType(PayerKind kind) {
        return switch (kind) {
            case MEDICARE -> new CodeableConcept(new Coding(FhirSystems.SOPT, "1", "MEDICARE"));
            // SOPT 11 "Medicare Managed Care (Includes Medicare Advantage Plans)", as the value set lists it
            case MEDICARE_ADVANTAGE -> new CodeableConcept(new Coding(FhirSystems.SOPT, "11",
                    "Medicare Managed Care (Includes Medicare Advantage Plans)"));
            case MEDICAID -> new CodeableConcept(new Coding(FhirSystems.SOPT, "2", "MEDICAID"));
            case COMMERCIAL -> new CodeableConcept(new Coding(FhirSystems.SOPT, "5", "PRIVATE HEALTH INSURANCE"));
            case OTHER -> new CodeableConcept().setText("other payer (neither traditional Medicare, Medicaid nor a commercial plan)");
        };
    }

    private static void cost(Coverage r, String code, String display, org.hl7.fhir.r4.model.Type value) {
        r.addCostToBeneficiary().setType(new CodeableConcept(new Coding(COPAY_TYPE, code, display))).setValue(value);
    }
}
