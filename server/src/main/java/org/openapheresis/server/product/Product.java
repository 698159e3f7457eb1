package org.openapheresis.server.product;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openapheresis.isbt128.CollectionType;
import org.openapheresis.isbt128.Din;
import org.openapheresis.isbt128.ProductCode;

/**
 * A cell product as the lab holds it: identified by its DIN and division, and what it contains. Its status and
 * flags are where its custody events have brought it; the events themselves are {@link ProductEvent}s.
 *
 * @param din the Donation Identification Number (ISBT 128), shared by every aliquot of one collection
 * @param descriptionCode the five-character ISBT 128 Product Description Code, from the unit's table
 * @param collectionType the type of collection of the product code (autologous, directed, ...)
 * @param division the two-character division code, {@code 00} undivided, {@code A0}, {@code B0}, ... for aliquots
 * @param parentId the product this aliquot was divided from
 * @param sessionId the collection session
 * @param donorId the donor (for an autologous product also the recipient)
 * @param recipientId the intended recipient
 * @param volumeMl volume of the bag, mL
 * @param cd34PerUl CD34+ cells per µL of product, when counted
 * @param cd3PerUl CD3+ cells per µL of product, when counted
 * @param wbcE9PerL total nucleated (white) cells, 10^9/L of product, when counted
 * @param neutrophilsE9PerL neutrophils (granulocytes), 10^9/L of product, when counted
 * @param viabilityPercent viable nucleated cells, percent, when measured
 * @param hematocritPercent haematocrit of the product, percent, when measured
 * @param anticoagulant the anticoagulant in the bag, e.g. {@code ACD-A}
 * @param dmsoPercent DMSO in the bag, percent by volume, once cryopreserved
 * @param location where it is stored, while stored
 */
public record Product(String id, int version, Din din, String descriptionCode, CollectionType collectionType,
        String division, ProductKind kind, ProductStatus status, Optional<String> parentId, String sessionId,
        String donorId, String recipientId, boolean autologous, Instant collectedAt, Instant expiresAt, double volumeMl,
        Optional<Double> cd34PerUl, Optional<Double> cd3PerUl, Optional<Double> wbcE9PerL,
        Optional<Double> neutrophilsE9PerL, Optional<Double> viabilityPercent, Optional<Double> hematocritPercent, String anticoagulant,
        Optional<Double> dmsoPercent, boolean frozen, boolean thawed, boolean irradiated, Optional<String> location,
        Instant createdAt, String createdBy) {

    public Product {
        Objects.requireNonNull(din, "din");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(kind, "kind");
        if (autologous && !donorId.equals(recipientId)) {
            throw new IllegalArgumentException("an autologous product's recipient is its donor");
        }
        productCodeOf(descriptionCode, collectionType, division); // refuses a code the standard does not allow
    }

    static ProductCode productCodeOf(String descriptionCode, CollectionType collectionType, String division) {
        return ProductCode.of(descriptionCode, collectionType, division);
    }

    /** The ISBT 128 Product Code data structure content, e.g. {@code S11281A0}. */
    public ProductCode productCode() {
        return productCodeOf(descriptionCode, collectionType, division);
    }

    /** The DIN as printed for people, with its check character, e.g. {@code A9999 26 000001 K}. */
    public String dinPrinted() {
        return din.printed();
    }

    public char checkCharacter() {
        return din.checkCharacter();
    }

    /** CD34+ cells in the bag, when counted: per µL × mL × 1,000 µL/mL. */
    public Optional<Double> cd34Total() {
        return cd34PerUl.map(c -> c * volumeMl * 1000);
    }

    /** CD3+ cells in the bag, when counted. */
    public Optional<Double> cd3Total() {
        return cd3PerUl.map(c -> c * volumeMl * 1000);
    }

    /** Total nucleated cells in the bag, when counted: 10^9/L × mL × 10^6 per (10^9/L × mL). */
    public Optional<Double> tncTotal() {
        return wbcE9PerL.map(c -> c * volumeMl * 1e6);
    }

    /** Neutrophils (granulocytes) in the bag, when counted: 10^9/L × mL × 10^6. */
    public Optional<Double> neutrophilTotal() {
        return neutrophilsE9PerL.map(c -> c * volumeMl * 1e6);
    }

    /** What events change: status, expiry, DMSO, frozen, thawed, irradiated, where it is. */
    public record State(ProductStatus status, Instant expiresAt, Optional<Double> dmsoPercent, boolean frozen,
            boolean thawed, boolean irradiated, Optional<String> location) {

        State withStatus(ProductStatus s) {
            return new State(s, expiresAt, dmsoPercent, frozen, thawed, irradiated, location);
        }

        State withLocation(Optional<String> l) {
            return new State(status, expiresAt, dmsoPercent, frozen, thawed, irradiated, l);
        }
    }

    public State state() {
        return new State(status, expiresAt, dmsoPercent, frozen, thawed, irradiated, location);
    }

    /** The product in another state, version one more. */
    Product with(State s) {
        return new Product(id, version + 1, din, descriptionCode, collectionType, division, kind, s.status(), parentId,
                sessionId, donorId, recipientId, autologous, collectedAt, s.expiresAt(), volumeMl, cd34PerUl, cd3PerUl,
                wbcE9PerL, neutrophilsE9PerL, viabilityPercent, hematocritPercent, anticoagulant, s.dmsoPercent(), s.frozen(), s.thawed(),
                s.irradiated(), s.location(), createdAt, createdBy);
    }

    /**
     * The product after a processing step that changes its contents: the bag's new volume, its counts measured
     * again (each absent when it was not counted) and, when the step changes it, the product description code.
     */
    Product processed(double newVolumeMl, Optional<Double> newCd34PerUl, Optional<Double> newCd3PerUl,
            Optional<Double> newWbcE9PerL, String newDescriptionCode) {
        return new Product(id, version + 1, din, newDescriptionCode, collectionType, division, kind, status, parentId,
                sessionId, donorId, recipientId, autologous, collectedAt, expiresAt, newVolumeMl, newCd34PerUl,
                newCd3PerUl, newWbcE9PerL, neutrophilsE9PerL, viabilityPercent, hematocritPercent, anticoagulant,
                dmsoPercent, frozen, thawed, irradiated, location, createdAt, createdBy);
    }

    /**
     * An aliquot divided from this product: same DIN and contents per µL, its own id, division, volume and
     * location (a position holds one bag: the aliquots of a product in a position are stored each in their own).
     */
    Product aliquot(String childId, String childDivision, double childVolumeMl, Optional<String> childLocation,
            Instant at, String by) {
        return new Product(childId, 1, din, descriptionCode, collectionType, childDivision, kind, status,
                Optional.of(id), sessionId, donorId, recipientId, autologous, collectedAt, expiresAt, childVolumeMl,
                cd34PerUl, cd3PerUl, wbcE9PerL, neutrophilsE9PerL, viabilityPercent, hematocritPercent, anticoagulant,
                dmsoPercent, frozen,
                thawed, irradiated, childLocation, at, by);
    }

    /**
     * A product with its chain of custody, oldest first, the ids of the aliquots divided from it, and the
     * temperature excursions of the storage unit it is stored in since it was put there (newest first), and the
     * position it is in, when it is in one.
     */
    public record View(Product product, List<ProductEvent> custody, List<String> children,
            List<StorageUnit.Reading> excursions, Optional<Measurement> viability, Optional<Measurement> hematocrit,
            Optional<StoragePlace> place) {
    }

    /**
     * The latest measurement of a value of the bag, with the step that measured it: the collection, or a processing
     * step after it (volume reduction, T-cell depletion, thaw), on this product or on the product it was divided from.
     *
     * @param percent the value, percent
     * @param step the step that measured it
     * @param at when that step happened
     * @param productId the product the step was recorded on (this one, or its parent)
     */
    public record Measurement(double percent, ProductEvent.EventType step, Instant at, String productId) {
    }
}
