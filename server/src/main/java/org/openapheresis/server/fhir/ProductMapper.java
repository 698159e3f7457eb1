package org.openapheresis.server.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.BiologicallyDerivedProduct;
import org.hl7.fhir.r4.model.BiologicallyDerivedProduct.BiologicallyDerivedProductCategory;
import org.hl7.fhir.r4.model.BiologicallyDerivedProduct.BiologicallyDerivedProductStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.openapheresis.server.product.Product;
import org.openapheresis.server.product.ProductEvent;
import org.openapheresis.server.product.ProductKind;
import org.openapheresis.server.product.ProductStatus;

/**
 * A cell product as an R4 BiologicallyDerivedProduct: the DIN as identifier in the ISBT 128 DIN system, the product
 * code (description code, type of collection, division) as productCode in the ISBT 128 product code system, the
 * category (cells), status available while it can still be used, the donor as the collection's source patient,
 * the collection time, the parent an aliquot was divided from, each processing step (frozen, thawed), and the
 * storage it is in. R4 has no element for the expiry, the division or the intended recipient: they travel as the
 * extensions named below, and the CapabilityStatement's description says so.
 */
public final class ProductMapper {

    /** The ISBT 128 Donation Identification Number as an identifier system (ICCBBA). */
    public static final String DIN_SYSTEM = "https://www.isbt128.org/uri/DonationIdentificationNumber";
    /**
     * HL7's code system of ISBT 128 product description codes (the subset it publishes, lower case), which is where
     * the sample table's real rows come from; an example row of the table carries text only.
     */
    public static final String PRODUCT_CODE_SYSTEM = "http://hl7.org/fhir/biologicallyderived-productcodes";
    /** This project's extensions for what R4 has no element for. */
    public static final String EXPIRY_EXTENSION = "urn:openapheresis:fhir:extension:expiry";
    public static final String DIVISION_EXTENSION = "urn:openapheresis:fhir:extension:isbt128-division";
    public static final String RECIPIENT_EXTENSION = "urn:openapheresis:fhir:extension:intended-recipient";

    private ProductMapper() {
    }

    /** @param exampleCode the product's description code is an example row of the unit's table, not an ISBT 128 code */
    public static BiologicallyDerivedProduct toFhir(Product.View v, boolean exampleCode) {
        Product p = v.product();
        BiologicallyDerivedProduct r = new BiologicallyDerivedProduct();
        r.setId(p.id());
        r.getMeta().setVersionId(Integer.toString(p.version()));
        v.custody().stream().map(org.openapheresis.server.product.ProductEvent::recordedAt)
                .max(java.util.Comparator.naturalOrder()).ifPresent(t -> r.getMeta().setLastUpdated(Date.from(t)));
        r.addIdentifier().setSystem(DIN_SYSTEM).setValue(p.din().value());
        r.setProductCategory(BiologicallyDerivedProductCategory.CELLS);
        CodeableConcept code = new CodeableConcept().setText(p.kind().displayName());
        if (!exampleCode) {
            code.addCoding().setSystem(PRODUCT_CODE_SYSTEM).setCode(p.descriptionCode().toLowerCase(java.util.Locale.ROOT));
        }
        r.setProductCode(code);
        r.setStatus(p.status().inStock() ? BiologicallyDerivedProductStatus.AVAILABLE
                : BiologicallyDerivedProductStatus.UNAVAILABLE);
        r.setQuantity(1);
        p.parentId().ifPresent(parent -> r.addParent(new Reference("BiologicallyDerivedProduct/" + parent)));
        r.getCollection().setSource(new Reference("Patient/" + p.donorId()))
                .setCollected(new DateTimeType(Date.from(p.collectedAt())));
        for (ProductEvent e : v.custody()) {
            if (e.type() == ProductEvent.EventType.CRYOPRESERVED || e.type() == ProductEvent.EventType.THAWED) {
                r.addProcessing().setDescription(e.type().code() + (e.details().get("dmsoPercent") != null
                        ? ", " + e.details().get("dmsoPercent") + " % DMSO" : "")).setTime(new DateTimeType(Date.from(e.at())));
            }
        }
        if (p.location().isPresent()) {
            var storage = r.addStorage().setDescription(p.location().get());
            if (p.frozen() && !p.thawed()) {
                storage.setScale(BiologicallyDerivedProduct.BiologicallyDerivedProductStorageScale.CELSIUS);
            }
        }
        r.addExtension(new Extension(EXPIRY_EXTENSION, new DateTimeType(Date.from(p.expiresAt()))));
        r.addExtension(new Extension(DIVISION_EXTENSION, new StringType(p.division())));
        r.addExtension(new Extension(RECIPIENT_EXTENSION, new Reference("Patient/" + p.recipientId())));
        if (p.kind() == ProductKind.GRANULOCYTES && p.status() == ProductStatus.ISSUED && p.irradiated()) {
            r.addProcessing().setDescription("irradiated before issue");
        }
        return r;
    }
}
