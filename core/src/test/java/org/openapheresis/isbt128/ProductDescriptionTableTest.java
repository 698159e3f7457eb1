package org.openapheresis.isbt128;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.isbt128.Problems.assertRefused;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/** Product description codes as data (ST-001 v6.2.2 §5.1), and the sample table the core ships. */
class ProductDescriptionTableTest {

    static final String SAMPLE = "isbt128/product-descriptions-sample.csv";

    static List<String> sampleLines() throws IOException {
        try (InputStream in = ProductDescriptionTableTest.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            assertThat(in).as(SAMPLE).isNotNull();
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .collect(Collectors.toList());
        }
    }

    static ProductDescriptionTable sample() throws IOException {
        return ProductDescriptionTable.parse("productDescriptions", "sample table", sampleLines());
    }

    @Test
    void the_sample_says_in_its_header_that_it_is_not_the_licensed_table() throws IOException {
        String header = sampleLines().stream().takeWhile(l -> l.startsWith("#")).collect(Collectors.joining("\n"));
        assertThat(header).contains("SAMPLE of publicly listed codes", "NOT the licensed ICCBBA table",
                "EXAMPLES, NOT ICCBBA CODES");
    }

    @Test
    void the_sample_holds_the_publicly_listed_cellular_therapy_codes_with_their_source() throws IOException {
        ProductDescriptionTable table = sample();
        for (String code : List.of("S1128", "S1194", "S1195", "S1310", "S1398", "S2598")) {
            ProductDescription row = table.lookup("productCode", code);
            assertThat(row.example()).as(code).isFalse();
            assertThat(row.family()).isEqualTo(ProductFamily.CELLULAR_THERAPY);
            assertThat(row.source()).contains("biologicallyderived-productcodes");
        }
        assertThat(table.lookup("productCode", "S1128").name()).isEqualTo("HPC, APHERESIS/Citrate/XX/refg/Mobilized");
        assertThat(table.lookup("productCode", "S1194").name()).contains("10% DMSO");
        assertThat(table.lookup("productCode", "S1195").name()).contains("5% DMSO");
        assertThat(table.lookup("productCode", "S1310").name()).contains("CD34 enriched");
    }

    @Test
    void every_example_row_of_the_sample_is_marked_and_in_the_local_range() throws IOException {
        List<ProductDescription> examples = sample().descriptions().values().stream()
                .filter(ProductDescription::example).collect(Collectors.toList());
        assertThat(examples).extracting(ProductDescription::code).containsExactly("DEX01", "DEX02");
        for (ProductDescription row : examples) {
            assertThat(row.family()).isEqualTo(ProductFamily.LOCAL);
            assertThat(row.name()).startsWith("EXAMPLE, not an ICCBBA code");
        }
    }

    @Test
    void every_row_that_is_not_an_example_names_its_public_source() throws IOException {
        assertThat(sample().descriptions().values()).filteredOn(r -> !r.example())
                .allSatisfy(r -> assertThat(r.source()).startsWith("HL7 FHIR CodeSystem"));
    }

    @Test
    void a_product_code_is_looked_up_by_its_description_code() throws IOException {
        assertThat(sample().lookup("productCode", new ProductCode("S1398", "V00")).name())
                .isEqualTo("HPC, MARROW|NS/XX/rt|Plasma reduced");
    }

    @Test
    void an_unknown_product_code_is_refused_with_the_table_named() throws IOException {
        ProductDescriptionTable table = sample();
        assertRefused(() -> table.lookup("productCode", "S9999"), "productCode", MessageKey.UNKNOWN_PRODUCT_CODE,
                "S9999", "sample table");
        assertThat(table.find("S9999")).isEmpty();
    }

    @Test
    void quoted_fields_may_hold_commas_and_doubled_quotes() {
        ProductDescriptionTable table = ProductDescriptionTable.parse("t", "t", List.of(
                ProductDescriptionTable.HEADER,
                "DAB12,\"LOCAL, \"\"TEST\"\" ROW\",yes,unit's own list"));
        assertThat(table.lookup("code", "DAB12").name()).isEqualTo("LOCAL, \"TEST\" ROW");
    }

    @Test
    void every_bad_line_is_reported_at_once_with_its_line_number() {
        List<Problem> problems = Problems.of(() -> ProductDescriptionTable.parse("productDescriptions", "t", List.of(
                "# comment",
                ProductDescriptionTable.HEADER,
                "S1128,HPC,no,source",
                "S1128,again,no,source",
                "S112,short code,no,source",
                "S1194,too,many,fields,here",
                "S1195,\"unclosed,no,source",
                "G1234,no family,no,source",
                "S1310,,maybe,")));
        assertThat(problems).containsExactly(
                Problem.of("productDescriptions[4].code", MessageKey.DUPLICATE_CODE, "S1128", 3),
                Problem.of("productDescriptions[5].code", MessageKey.WRONG_LENGTH, "S112", 4, 5),
                Problem.of("productDescriptions[6]", MessageKey.TABLE_FIELD_COUNT, 5, 4, ProductDescriptionTable.HEADER),
                Problem.of("productDescriptions[7]", MessageKey.TABLE_QUOTE_UNTERMINATED),
                Problem.of("productDescriptions[8].code", MessageKey.UNKNOWN_PRODUCT_FAMILY, "G"),
                Problem.of("productDescriptions[9].name", MessageKey.BLANK),
                Problem.of("productDescriptions[9].source", MessageKey.BLANK),
                Problem.of("productDescriptions[9].example", MessageKey.NOT_ONE_OF, "maybe", "yes, no"));
    }

    @Test
    void a_table_without_its_header_is_refused() {
        assertRefused(() -> ProductDescriptionTable.parse("productDescriptions", "t", List.of("S1128,HPC,no,source")),
                "productDescriptions[1]", MessageKey.TABLE_HEADER_EXPECTED, ProductDescriptionTable.HEADER);
        assertRefused(() -> ProductDescriptionTable.parse("productDescriptions", "t", List.of("# only a comment")),
                "productDescriptions", MessageKey.TABLE_HEADER_EXPECTED, ProductDescriptionTable.HEADER);
    }
}
