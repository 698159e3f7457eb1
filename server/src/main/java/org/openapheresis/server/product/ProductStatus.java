package org.openapheresis.server.product;

import java.util.Arrays;
import java.util.Optional;

/** Where a product is in its life. Only {@link ProductService} moves it, each move an event of its custody. */
public enum ProductStatus {
    /** Collected and recorded; not yet released for use. */
    QUARANTINE("quarantine"),
    /** One person has prepared the release; a second, another user, must verify it. */
    RELEASE_PENDING("release-pending"),
    /** Released for use by two people. */
    RELEASED("released"),
    /** Issued from the lab for infusion. */
    ISSUED("issued"),
    /** Given to the recipient. */
    INFUSED("infused"),
    /** Discarded, with the reason. */
    DISCARDED("discarded"),
    /** Divided into aliquots, which carry on its life. */
    DIVIDED("divided");

    private final String code;

    ProductStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @return the code, as the API writes it */
    @Override
    public String toString() {
        return code;
    }

    public static Optional<ProductStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    /** The statuses of a product that can still be used (stored, divided, issued). */
    public static final java.util.Set<ProductStatus> IN_STOCK = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.of(QUARANTINE, RELEASE_PENDING, RELEASED));

    /** True while the product can still be used (stored, divided, issued). */
    public boolean inStock() {
        return IN_STOCK.contains(this);
    }
}
