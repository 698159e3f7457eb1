package org.openapheresis.server.product.label;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.openapheresis.isbt128.BloodGroups;
import org.openapheresis.isbt128.CollectionDateTime;
import org.openapheresis.isbt128.CollectionType;
import org.openapheresis.isbt128.Din;
import org.openapheresis.isbt128.DonationIdentificationNumber;
import org.openapheresis.isbt128.ExpirationDateTime;
import org.openapheresis.isbt128.ProductCode;
import org.openapheresis.isbt128.ProductDescriptionTable;

/** Label fixtures: the core's sample product description table and a realistic autologous HPC, Apheresis label. */
final class Labels {

    private static final String SAMPLE = "isbt128/product-descriptions-sample.csv";

    private Labels() {
    }

    /** The core's SAMPLE table of publicly listed codes (not the licensed ICCBBA table). */
    static ProductDescriptionTable sampleTable() {
        try (InputStream in = Labels.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE + " is not on the class path");
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return ProductDescriptionTable.parse("productDescriptions", "ISBT 128 sample table", lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * HPC, Apheresis (S1128, citrate, refrigerated, mobilized) for autologous use only, collected on 27 January 2026 at
     * 14:30 by the example facility A9999 of ST-001, group O RhD positive, expiring 72 h later.
     */
    static LabelContent autologousHpcApheresis() {
        ProductCode code = ProductCode.of("S1128", CollectionType.AUTOLOGOUS_ONLY, ProductCode.UNDIVIDED);
        LocalDateTime collected = LocalDateTime.of(2026, 1, 27, 14, 30);
        return new LabelContent(DonationIdentificationNumber.of(Din.of("A9999", 26, 123456)),
                "OpenApheresis Cell Collection Unit",
                BloodGroups.of(BloodGroups.Abo.O, BloodGroups.RhD.POSITIVE, BloodGroups.IntendedUse.AUTOLOGOUS_ONLY),
                code, sampleTable().lookup("productCode", code),
                new ExpirationDateTime(collected.plusHours(72)), Optional.of(new CollectionDateTime(collected)),
                Optional.of("CD34+ 4.8 × 10⁶/kg · bacterial culture pending"),
                Optional.of(new IntendedRecipient("NOWAK, Łucja", "MRN 0012345")));
    }
}
