package org.openapheresis.isbt128;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.isbt128.Problems.assertRefused;

import org.junit.jupiter.api.Test;
import org.openapheresis.system.MessageKey;

/** Data Structures 040, Chain of Identity Identifier, and 032, Product Divisions (ST-001 v6.2.2 §2.4.40, §2.4.32). */
class ChainOfIdentityAndDivisionsTest {

    @Test
    void a_chain_of_identity_identifier_reads_into_issuer_year_and_alphanumeric_sequence() {
        ChainOfIdentityIdentifier coi = Isbt128.parse("coi", "&/CHA999925A1B2C3", ChainOfIdentityIdentifier.class);
        assertThat(coi).isEqualTo(new ChainOfIdentityIdentifier("A9999", 25, "A1B2C3"));
        assertThat(coi.value()).isEqualTo("A999925A1B2C3");
        assertThat(coi.encode()).isEqualTo("&/CHA999925A1B2C3");
    }

    @Test
    void a_chain_of_identity_identifier_must_begin_with_the_literal_ch() {
        assertRefused(() -> Isbt128.parse("coi", "&/CXA999925A1B2C3"), "coi", MessageKey.NOT_ONE_OF, "CX", "CH");
    }

    @Test
    void a_chain_of_identity_sequence_is_upper_case_alphanumeric() {
        assertRefused(() -> Isbt128.parse("coi", "&/CHA999925a1B2C3"), "coi", MessageKey.CHARACTER_NOT_ALLOWED, "a",
                12, "sequence number", "A-Z, 0-9");
        assertRefused(() -> new ChainOfIdentityIdentifier("A9999", 25, "A1B2C"), "chainOfIdentityIdentifier.sequence",
                MessageKey.WRONG_LENGTH, "A1B2C", 5, 6);
    }

    @Test
    void a_chain_of_identity_issuer_follows_the_facility_rules_of_the_din() {
        assertRefused(() -> Isbt128.parse("coi", "&/CH0999925A1B2C3"), "coi", MessageKey.CHARACTER_NOT_ALLOWED, "0", 5,
                "facility identification number", "A-N, P-Z, 1-9");
    }

    @Test
    void product_divisions_read_digits_or_letter_pairs() {
        assertThat(Isbt128.parse("divisions", "=,000002")).isEqualTo(new ProductDivisions("000002"));
        assertThat(new ProductDivisions("AABAZZ").encode()).isEqualTo("=,AABAZZ");
        assertRefused(() -> Isbt128.parse("divisions", "=,00000a"), "divisions", MessageKey.CHARACTER_NOT_ALLOWED, "a",
                8, "product divisions code", "A-Z, 0-9");
    }
}
