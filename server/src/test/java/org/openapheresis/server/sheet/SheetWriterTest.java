package org.openapheresis.server.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.safety.WarningCode;
import org.openapheresis.server.session.Vocabulary.AccessKind;

/**
 * What the sheet says from its facts, one rule per test, and its readability over seeded random facts: every sheet at
 * Flesch-Kincaid grade 8 or below, short sentences, no number without its meaning, every medical word explained after
 * the sentence that first uses it.
 */
class SheetWriterTest {

    /** The highest Flesch-Kincaid grade a sheet may have. */
    static final double MAX_GRADE = 8.0;
    /** The most words a sentence of the sheet may have. */
    static final int MAX_SENTENCE_WORDS = 25;
    /** Units and staff abbreviations a patient should not meet: a number is said with its meaning. */
    static final Pattern RAW = Pattern.compile("\\d\\s*(min|mins|mL|ml|h|kg|mg)\\b|\\b(TPE|ACD-A|TBV|mmol|iCa)\\b");

    static final SheetText ENGLISH = SheetLanguages.load().fallback();
    private static final Glossary GLOSSARY = ENGLISH.glossary();
    private static final SheetWriter WRITER = new SheetWriter(ENGLISH);

    /** An MS relapse course: five albumin exchanges every other day, 90 minutes on the machine, no access recorded. */
    static SheetFacts msCourse() {
        return new SheetFacts("Maria", "Example", "MRN-1", false, ProcedureType.PLASMA_EXCHANGE,
                "Multiple sclerosis relapse", 5, OptionalDouble.of(48), 90 + 30, OptionalDouble.empty(), Set.of(), true,
                false, Optional.empty(), false, OptionalInt.empty(), Optional.empty());
    }

    static SheetFacts with(SheetFacts f, Set<WarningCode> warnings) {
        return new SheetFacts(f.givenName(), f.familyName(), f.mrn(), f.donor(), f.procedure(), f.indicationText(),
                f.sessions(), f.intervalHours(), f.minutesEachSession(), f.laterDayMinutes(), warnings, f.albumin(),
                f.donorPlasma(), f.access(), f.forRecipient(), f.doses(), f.cost());
    }

    static SheetFacts withAccess(SheetFacts f, AccessKind k) {
        return new SheetFacts(f.givenName(), f.familyName(), f.mrn(), f.donor(), f.procedure(), f.indicationText(),
                f.sessions(), f.intervalHours(), f.minutesEachSession(), f.laterDayMinutes(), f.warnings(), f.albumin(),
                f.donorPlasma(), Optional.of(k), f.forRecipient(), f.doses(), f.cost());
    }

    static SheetFacts withCost(SheetFacts f, Optional<SheetFacts.Cost> c) {
        return new SheetFacts(f.givenName(), f.familyName(), f.mrn(), f.donor(), f.procedure(), f.indicationText(),
                f.sessions(), f.intervalHours(), f.minutesEachSession(), f.laterDayMinutes(), f.warnings(), f.albumin(),
                f.donorPlasma(), f.access(), f.forRecipient(), f.doses(), c);
    }

    static SheetFacts collection(ProcedureType type, boolean forRecipient, OptionalInt doses) {
        return new SheetFacts("Sam", "Donor", "MRN-2", forRecipient, type, "Stem cell donation", 1,
                OptionalDouble.empty(), 240, OptionalDouble.empty(), Set.of(), false, false, Optional.empty(),
                forRecipient, doses, Optional.empty());
    }

    private static String section(PatientSheet s, String id) {
        return String.join("\n", s.section(id).orElseThrow(() -> new AssertionError("no section " + id)).paragraphs());
    }

    // --- time

    @Test
    void the_session_time_is_said_in_words_with_set_up_and_rinseback_never_in_minutes() {
        PatientSheet s = WRITER.write(msCourse());
        assertThat(section(s, "time")).contains("about 2 hours").contains("set up").doesNotContain("120")
                .doesNotContainPattern("\\bmin");
    }

    @Test
    void durations_round_to_the_half_hour_in_words() {
        assertThat(ENGLISH.duration(10)).isEqualTo("a few minutes");
        assertThat(ENGLISH.duration(35)).isEqualTo("half an hour");
        assertThat(ENGLISH.duration(55)).isEqualTo("1 hour");
        assertThat(ENGLISH.duration(95)).isEqualTo("an hour and a half");
        assertThat(ENGLISH.duration(113 + 30)).isEqualTo("2 and a half hours");
        assertThat(ENGLISH.duration(113)).isEqualTo("2 hours");
    }

    @Test
    void how_often_is_said_as_a_person_says_it() {
        assertThat(ENGLISH.often(24)).isEqualTo("one every day");
        assertThat(ENGLISH.often(48)).isEqualTo("one every other day");
        assertThat(ENGLISH.often(72)).isEqualTo("one every 3 days");
        assertThat(ENGLISH.often(168)).isEqualTo("one each week");
        assertThat(ENGLISH.often(336)).isEqualTo("one every 2 weeks");
        assertThat(ENGLISH.often(12)).isEqualTo("one every 12 hours");
    }

    @Test
    void a_course_says_how_many_how_often_and_over_how_many_days() {
        assertThat(section(WRITER.write(msCourse()), "time")).contains("5 treatments, one every other day")
                .contains("about 8 days from the first to the last");
    }

    // --- access

    @Test
    void without_recorded_access_the_sheet_says_most_have_arm_needles_and_the_team_decides() {
        assertThat(section(WRITER.write(msCourse()), "how")).contains("needle in a vein in each arm")
                .contains("7 in every 10").contains("The team will decide");
    }

    @Test
    void a_recorded_central_line_means_no_needles_in_the_arms() {
        String how = section(WRITER.write(withAccess(msCourse(), AccessKind.CENTRAL_LINE)), "how");
        assertThat(how).contains("joined to your central line").contains("do not need needles in your arms")
                .doesNotContain("The team will decide");
    }

    @Test
    void recorded_peripheral_access_means_a_needle_in_each_arm() {
        assertThat(section(WRITER.write(withAccess(msCourse(), AccessKind.PERIPHERAL)), "how"))
                .contains("needle into a vein in each arm").doesNotContain("The team will decide");
    }

    // --- what they feel

    @Test
    void every_separator_sheet_names_citrate_tingling_cramps_and_light_headedness() {
        assertThat(section(WRITER.write(msCourse()), "feel")).contains("citrate").contains("tingle")
                .contains("cramp").contains("light-headed").doesNotContain("more anticoagulant than usual");
    }

    @Test
    void a_high_citrate_plan_says_more_anticoagulant_than_usual_and_calcium() {
        for (WarningCode c : List.of(WarningCode.CITRATE_RATE_HIGH, WarningCode.AC_INFUSION_RATE_HIGH,
                WarningCode.IONIZED_CALCIUM_NADIR_LOW)) {
            assertThat(section(WRITER.write(with(msCourse(), Set.of(c))), "feel")).as(c.name())
                    .contains("Your plan uses more anticoagulant than usual").contains("may give you calcium");
        }
    }

    @Test
    void an_ace_inhibitor_with_albumin_is_held_before_as_the_doctor_says() {
        String before = section(WRITER.write(with(msCourse(), Set.of(WarningCode.ACE_INHIBITOR_ALBUMIN_EXCHANGE))),
                "before");
        assertThat(before).contains("You take an ACE inhibitor").contains("at least 1 day, 24 hours")
                .contains("Do not stop any medicine unless your doctor tells you to");
        assertThat(section(WRITER.write(msCourse()), "before")).doesNotContain("ACE inhibitor");
    }

    @Test
    void every_warning_said_to_the_patient_appears_in_its_section_and_staff_only_ones_add_nothing() {
        String plain = WRITER.write(msCourse()).text();
        for (WarningCode c : WarningCode.values()) {
            PatientSheet s = WRITER.write(with(msCourse(), Set.of(c)));
            Optional<SheetWriter.Wording> w = SheetWriter.patientWording(c);
            if (w.isPresent()) {
                String id = w.get().section().name().toLowerCase(java.util.Locale.ROOT);
                assertThat(section(s, id)).as(c.name()).contains(ENGLISH.sentences(ENGLISH.get(w.get().key())).get(0));
            } else if (c != WarningCode.CITRATE_RATE_HIGH && c != WarningCode.AC_INFUSION_RATE_HIGH
                    && c != WarningCode.IONIZED_CALCIUM_NADIR_LOW && c != WarningCode.SESSIONS_NEEDED_EXCEED_ORDERED
                    && c != WarningCode.TARGET_NOT_REACHABLE_IN_ONE_SESSION) {
                assertThat(s.text()).as(c.name() + " is for staff only").isEqualTo(plain);
            }
        }
    }

    @Test
    void more_sessions_needed_than_ordered_is_said() {
        assertThat(section(WRITER.write(with(msCourse(), Set.of(WarningCode.SESSIONS_NEEDED_EXCEED_ORDERED))), "time"))
                .contains("more treatments than planned");
    }

    // --- risks

    @Test
    void the_risks_are_the_waa_registry_rates_in_words_with_the_source_listed() {
        PatientSheet s = WRITER.write(msCourse());
        assertThat(section(s, "risks")).contains("Out of every 100 treatments, about 2 had a mild side effect")
                .contains("About 2 more had a side effect that needed medicine")
                .contains("About 2 in every 1,000 had a side effect bad enough to stop the treatment");
        assertThat(s.sources()).contains(SheetWriter.WAA_2025, SheetWriter.WAA_GRADES);
    }

    @Test
    void a_donor_also_reads_the_donor_registry_rate() {
        PatientSheet s = WRITER.write(collection(ProcedureType.HPC_COLLECTION, true, OptionalInt.empty()));
        assertThat(section(s, "risks")).contains("about 5 in every 100 donors");
        assertThat(s.sources()).contains(SheetWriter.DGTI_2017);
        assertThat(section(WRITER.write(msCourse()), "risks")).doesNotContain("donors had");
    }

    // --- cells

    @Test
    void autologous_stem_cells_are_stored_for_the_person_and_allogeneic_ones_given_to_the_recipient() {
        assertThat(section(WRITER.write(collection(ProcedureType.HPC_COLLECTION, false, OptionalInt.empty())), "cells"))
                .contains("frozen and stored for you").contains("You get them back later");
        assertThat(section(WRITER.write(collection(ProcedureType.HPC_COLLECTION, true, OptionalInt.empty())), "cells"))
                .contains("given to the person who needs them").doesNotContain("stored for you");
        assertThat(WRITER.write(msCourse()).section("cells")).isEmpty();
    }

    @Test
    void donor_lymphocytes_split_into_the_planned_doses_say_how_many() {
        assertThat(section(WRITER.write(collection(ProcedureType.LYMPHOCYTE_COLLECTION, true, OptionalInt.of(3))),
                "cells")).contains("split into 3 doses");
    }

    @Test
    void granulocytes_are_given_the_same_day() {
        assertThat(section(WRITER.write(collection(ProcedureType.GRANULOCYTE_COLLECTION, true, OptionalInt.empty())),
                "cells")).contains("within 1 day").contains("infection");
    }

    // --- cost

    private static SheetFacts.Cost covered(boolean priorAuth) {
        return new SheetFacts.Cost("USD", 5, 5, new BigDecimal("3500.00"), new BigDecimal("3500.00"),
                Optional.of(new SheetFacts.Coverage("Example Health", new BigDecimal("3000.00"), new BigDecimal("20"),
                        BigDecimal.ZERO, true, priorAuth)), false);
    }

    @Test
    void a_covered_patient_reads_the_share_deductible_coinsurance_and_cap_in_plain_words() {
        String cost = section(WRITER.write(withCost(msCourse(), Optional.of(covered(false)))), "cost");
        assertThat(cost).contains("only a guess").contains("Example Health").contains("about $3,500 for 5 treatments")
                .contains("rest of your deductible, $3,000").contains("20 of every $100 of each bill")
                .contains("out-of-pocket maximum").contains("insurer may need to agree").doesNotContain("financial help");
        assertThat(section(WRITER.write(withCost(msCourse(), Optional.of(covered(true)))), "cost"))
                .doesNotContain("insurer may need to agree");
    }

    @Test
    void a_patient_without_coverage_pays_the_whole_bill_and_reads_of_financial_help() {
        SheetFacts.Cost none = new SheetFacts.Cost("USD", 5, 7, new BigDecimal("12000.00"), new BigDecimal("16800.00"),
                Optional.empty(), false);
        String cost = section(WRITER.write(withCost(msCourse(), Optional.of(none))), "cost");
        assertThat(cost).contains("no insurance on record").contains("whole bill")
                .contains("between $12,000 for 5 treatments and $16,800 for 7 treatments").contains("financial help program");
    }

    @Test
    void a_donor_of_cells_for_another_person_reads_that_the_donation_costs_them_nothing() {
        SheetFacts.Cost estimate = new SheetFacts.Cost("USD", 2, 2, new BigDecimal("6200.00"), new BigDecimal("6200.00"),
                Optional.empty(), false);
        PatientSheet donor = WRITER.write(withCost(collection(ProcedureType.HPC_COLLECTION, true, OptionalInt.empty()),
                Optional.of(estimate)));
        String cost = section(donor, "cost");
        assertThat(cost).contains("You do not pay for your donation").contains("insurance of the person who gets your cells")
                .contains("relative").doesNotContain("$").doesNotContain("whole bill");
        assertThat(donor.sources()).contains(SheetWriter.DONOR_COSTS);
        // the donation is explained to a donor without any estimate at all
        assertThat(section(WRITER.write(collection(ProcedureType.HPC_COLLECTION, true, OptionalInt.empty())), "cost"))
                .contains("You do not pay");
        // a patient collecting cells for their own transplant reads their own estimate
        String own = section(WRITER.write(withCost(collection(ProcedureType.HPC_COLLECTION, false, OptionalInt.empty()),
                Optional.of(estimate))), "cost");
        assertThat(own).contains("whole bill").contains("$6,200");
    }

    @Test
    void without_cost_data_the_cost_section_is_left_out() {
        assertThat(WRITER.write(msCourse()).section("cost")).isEmpty();
    }

    // --- glossary and readability

    @Test
    void every_glossary_word_used_is_explained_once_right_after_the_sentence_that_first_uses_it() {
        for (SheetFacts f : samples(200)) {
            String text = WRITER.write(f).text();
            for (Glossary.Entry e : GLOSSARY.entries()) {
                int first = e.firstIndexIn(text);
                if (first < 0) {
                    continue;
                }
                int explanation = text.indexOf(e.explanation());
                assertThat(explanation).as(e.term() + " is used, so explained, in:\n" + text).isGreaterThanOrEqualTo(0);
                assertThat(text.indexOf(e.explanation(), explanation + 1)).as(e.term() + " explained once").isNegative();
                int endOfFirstSentence = endOfSentence(text, first);
                assertThat(explanation).as(e.term() + ": the explanation follows the sentence that first uses it, or "
                        + "another explanation of that sentence").isGreaterThanOrEqualTo(Math.min(endOfFirstSentence,
                                explanationStart(text, first)));
                assertThat(text.substring(endOfFirstSentence, explanation).split("(?<=[.!?])\\s+").length)
                        .as(e.term() + ": few sentences between first use and explanation").isLessThanOrEqualTo(4);
            }
        }
    }

    private static int endOfSentence(String text, int from) {
        java.util.regex.Matcher m = Pattern.compile("[.!?:](\\s|$)").matcher(text);
        return m.find(from) ? m.start() + 1 : text.length();
    }

    /** Where the explanation sentence holding position {@code at} starts (an explanation may use a word first). */
    private static int explanationStart(String text, int at) {
        for (Glossary.Entry e : GLOSSARY.entries()) {
            int i = text.indexOf(e.explanation());
            if (i >= 0 && i <= at && at < i + e.explanation().length()) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    @Test
    void every_sheet_of_seeded_random_facts_reads_at_grade_8_or_below_with_short_sentences_and_no_raw_units() {
        for (SheetFacts f : samples(500)) {
            PatientSheet s = WRITER.write(f);
            String text = s.text();
            double grade = Readability.grade(text);
            assertThat(grade).as("grade of\n" + text).isLessThanOrEqualTo(MAX_GRADE);
            for (String sentence : Readability.sentences(text)) {
                if (!sentence.startsWith("The reason for this")) {
                    assertThat(Readability.words(sentence)).as(sentence).hasSizeLessThanOrEqualTo(MAX_SENTENCE_WORDS);
                }
            }
            assertThat(text).as(f.toString()).doesNotContainPattern(RAW);
        }
    }

    /** Seeded random facts over every procedure, warning mix, access, schedule and cost. */
    static List<SheetFacts> samples(int n) {
        Random r = new Random(20261201L);
        List<SheetFacts> out = new ArrayList<>();
        WarningCode[] codes = WarningCode.values();
        ProcedureType[] types = ProcedureType.values();
        String[] reasons = {"Multiple sclerosis relapse", "Guillain-Barre syndrome (AIDP), primary treatment",
            "Thrombotic thrombocytopenic purpura, immune (iTTP)", "Myasthenia gravis with exacerbation",
            "Acute myeloid leukaemia with hyperleukocytosis", "Allogeneic HPC-A donation for an unrelated recipient"};
        for (int i = 0; i < n; i++) {
            ProcedureType t = types[r.nextInt(types.length)];
            Set<WarningCode> w = EnumSet.noneOf(WarningCode.class);
            for (int k = r.nextInt(5); k > 0; k--) {
                w.add(codes[r.nextInt(codes.length)]);
            }
            int sessions = 1 + r.nextInt(10);
            boolean forRecipient = t.collectsProduct() && r.nextBoolean();
            Optional<AccessKind> access = r.nextInt(3) == 0 ? Optional.empty()
                    : Optional.of(AccessKind.values()[r.nextInt(AccessKind.values().length)]);
            Optional<SheetFacts.Cost> cost = Optional.empty();
            if (r.nextBoolean()) {
                BigDecimal low = BigDecimal.valueOf(r.nextInt(20_000));
                Optional<SheetFacts.Coverage> cov = r.nextBoolean() ? Optional.empty()
                        : Optional.of(new SheetFacts.Coverage("Example Health Plan", BigDecimal.valueOf(r.nextInt(5000)),
                                BigDecimal.valueOf(r.nextInt(40)), r.nextBoolean() ? BigDecimal.ZERO
                                        : BigDecimal.valueOf(25 + r.nextInt(100)), r.nextBoolean(), r.nextBoolean()));
                cost = Optional.of(new SheetFacts.Cost("USD", sessions, sessions + r.nextInt(3), low,
                        low.add(BigDecimal.valueOf(r.nextInt(5000))), cov, r.nextBoolean()));
            }
            out.add(new SheetFacts("Given", "Family", "MRN-" + i, forRecipient || r.nextInt(4) == 0, t,
                    reasons[r.nextInt(reasons.length)], sessions, sessions > 1
                            ? OptionalDouble.of(new double[] {24, 48, 72, 168}[r.nextInt(4)]) : OptionalDouble.empty(),
                    40 + r.nextInt(400), t == ProcedureType.IVIG_INFUSION && r.nextBoolean()
                            ? OptionalDouble.of(60 + r.nextInt(120)) : OptionalDouble.empty(), w, r.nextBoolean(),
                    r.nextBoolean(), access, forRecipient, r.nextBoolean() ? OptionalInt.of(1 + r.nextInt(4))
                            : OptionalInt.empty(), cost));
        }
        return out;
    }
}
