package org.openapheresis.server.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The Flesch-Kincaid measure against published worked examples: "The cat sat on the mat." (1 sentence, 6 words, 6
 * syllables: reading ease 116.145) and "The Australian platypus is seemingly a hybrid of a mammal and reptilian
 * creature." (1 sentence, 13 words, 26 syllables: grade 13.08), as given in the README of the flesch and
 * flesch-kincaid packages by T. Wormer (github.com/wooorm); the syllables of single words as a dictionary divides
 * them.
 */
class SheetReadabilityTest {

    @Test
    void the_cat_sat_on_the_mat_is_one_sentence_of_six_one_syllable_words() {
        Readability.Counts c = Readability.measure("The cat sat on the mat.");
        assertThat(c).isEqualTo(new Readability.Counts(1, 6, 6));
        assertThat(c.readingEase()).isCloseTo(116.145, within(1e-9));
        assertThat(c.grade()).isCloseTo(-1.45, within(1e-9));
    }

    @Test
    void the_platypus_sentence_counts_26_syllables_and_grade_13_08() {
        Readability.Counts c = Readability.measure(
                "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.");
        assertThat(c).isEqualTo(new Readability.Counts(1, 13, 26));
        assertThat(c.grade()).isCloseTo(13.08, within(0.005));
    }

    @ParameterizedTest
    @CsvSource({"the,1", "cake,1", "table,2", "plasma,2", "calcium,3", "nurses,2", "tubes,1", "needed,2", "used,1",
        "doses,2", "nation,2", "special,2", "sodium,3", "radio,3", "people,2", "machine,2", "tingle,2", "yes,1",
        "medicine,3", "4,1", "100,3", "1000,4", "'1,000',4"})
    void a_word_has_the_syllables_a_dictionary_gives_it(String word, int syllables) {
        assertThat(Readability.syllables(word)).as(word).isEqualTo(syllables);
    }

    @Test
    void sentences_end_at_stops_and_at_line_ends_and_numbers_with_commas_are_one_word() {
        assertThat(Readability.sentences("What is it?\nIt is short. Very short! Done: yes")).containsExactly(
                "What is it?", "It is short.", "Very short!", "Done:", "yes");
        assertThat(Readability.words("About 2 in every 1,000 treatments.")).containsExactly("About", "2", "in", "every",
                "1,000", "treatments");
    }

    @Test
    void long_words_in_long_sentences_read_at_a_higher_grade_than_short_plain_ones() {
        double plain = Readability.grade("A nurse stays with you. Tell the nurse if you feel sick.");
        double dense = Readability.grade("Therapeutic apheresis necessitates extracorporeal anticoagulation, "
                + "predominantly citrate-based, occasionally precipitating symptomatic hypocalcaemia.");
        assertThat(plain).isLessThan(4);
        assertThat(dense).isGreaterThan(16);
    }
}
