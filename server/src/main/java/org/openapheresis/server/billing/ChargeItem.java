package org.openapheresis.server.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One charge: a code billed for a patient on a day, priced from the price list. Never changed: a correction is a
 * new item naming the one it corrects, with the reason.
 *
 * @param id id
 * @param originKey for an item coded from the record, what it was coded from ({@code session:<id>:<rule>}),
 *     unique; empty for a correction
 * @param sessionId the session billed
 * @param orderId the session's order
 * @param patientId the patient
 * @param ruleId the code rule that gave it; empty for a code a correction chose
 * @param code the code billed
 * @param codeSystem CPT or HCPCS
 * @param descriptor the code's checked descriptor
 * @param diagnosisCode the ICD-10 code of the order's indication
 * @param serviceDate the day of the service, in the unit's time zone
 * @param units units of the code
 * @param unitPrice the price of one unit from the price list; empty when no price held on the day
 * @param amount units × unit price; empty with the price
 * @param currency ISO 4217 code
 * @param priceEntryId the price list entry the price came from
 * @param corrects the item this one corrects
 * @param correctionReason why
 * @param createdAt when it was made
 * @param createdBy who made it (the nurse who completed the session, or billing for a correction)
 */
public record ChargeItem(String id, Optional<String> originKey, Optional<String> sessionId, Optional<String> orderId,
        String patientId, Optional<String> ruleId, String code, String codeSystem, String descriptor,
        Optional<String> diagnosisCode, LocalDate serviceDate, int units, Optional<BigDecimal> unitPrice,
        Optional<BigDecimal> amount, String currency, Optional<String> priceEntryId, Optional<String> corrects,
        Optional<String> correctionReason, Instant createdAt, String createdBy) {

    public ChargeItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(serviceDate, "serviceDate");
        Objects.requireNonNull(currency, "currency");
        if (units < 0) {
            throw new IllegalArgumentException("units " + units + " is negative");
        }
        if (unitPrice.isPresent() != amount.isPresent()) {
            throw new IllegalArgumentException("a priced item has a unit price and an amount; an unpriced neither");
        }
        if (corrects.isPresent() != correctionReason.isPresent() || corrects.isPresent() == originKey.isPresent()) {
            throw new IllegalArgumentException("an item is coded from the record (origin) or corrects another, with a "
                    + "reason");
        }
    }

    /**
     * An item as the list shows it.
     *
     * @param item the item
     * @param correctedBy the item that corrects it; empty for a current item
     * @param acquisition for an item of a collection from a donor for another person, whose transplant claim it is
     *     held for; empty for any other item
     */
    public record View(ChargeItem item, Optional<String> correctedBy, Optional<Acquisition> acquisition) {

        public View(ChargeItem item, Optional<String> correctedBy) {
            this(item, correctedBy, Optional.empty());
        }

        /** True when no later item corrects it: it is what is billed. */
        public boolean current() {
            return correctedBy.isEmpty();
        }

        /** The same item, held for a recipient's transplant claim. */
        View heldFor(Acquisition a) {
            return new View(item, correctedBy, Optional.of(a));
        }

        /**
         * Whose account the item is on: the recipient's for a donor's acquisition charge (empty while the recipient
         * is not known), else the patient's.
         */
        public Optional<String> account() {
            return acquisition.isPresent() ? acquisition.get().recipientId() : Optional.of(item.patientId());
        }
    }

    /**
     * A charge of collecting cells from a donor for another person: a donor acquisition charge, never billed to the
     * donor but held until the recipient's transplant and reported on the recipient's claim under revenue code
     * {@value #REVENUE_CODE} (CMS Claims Processing Manual 100-04, ch. 3, section 90.3.1, as NMDP's payer guidance
     * summarises it; docs/sources.md, "donor acquisition charges").
     *
     * @param recipientId the recipient, once the lab has registered the collection's product for them; empty before
     */
    public record Acquisition(Optional<String> recipientId) {

        /** The NUBC revenue code of donor search and cell acquisition charges. */
        public static final String REVENUE_CODE = "0815";

        public Acquisition {
            Objects.requireNonNull(recipientId, "recipientId");
        }
    }
}
