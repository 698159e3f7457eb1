package org.openapheresis.server.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.system.Pdf;
import org.openapheresis.system.InvalidInputException;

/**
 * The sheet's languages: every word of the sheet comes from the language's message bundle and glossary (checked by a
 * pseudo-translation that marks each message with its key), numbers and money follow the language's locale, and a
 * language that lacks a key of English, or whose text does not parse, is refused.
 */
class SheetLanguagesTest {

    private static final SheetText ENGLISH = SheetLanguages.load().fallback();
    /** A message of the pseudo-language: its key and its English text between square brackets. */
    private static final Pattern MARKED = Pattern.compile("\\[([A-Za-z_.]+)\\|[^\\[\\]]*\\]");

    /**
     * English marked: each message as {@code [key|English text]} and each glossary explanation as
     * {@code [glossary|explanation]}, in a language whose numbers group with dots (German's way), so a sheet in it
     * shows where each word came from and how its numbers were written.
     */
    static SheetText pseudo(String tag) {
        Map<String, String> marked = new HashMap<>();
        ENGLISH.messages().forEach((k, v) -> marked.put(k, k.equals("page.number") ? "Seite {0} von {1}"
                : "[" + k + "|" + v + "]"));
        Glossary glossary = new Glossary(ENGLISH.glossary().entries().stream()
                .map(e -> new Glossary.Entry(e.forms(), "[glossary|" + e.explanation() + "]")).toList());
        return new SheetText(tag, "Pseudo", marked, glossary);
    }

    /** The text with every marked message taken out, innermost first; what is left was not from the bundle. */
    private static String unmarked(String text, Set<String> keys) {
        String s = text;
        while (true) {
            Matcher m = MARKED.matcher(s);
            StringBuilder b = new StringBuilder();
            boolean any = false;
            while (m.find()) {
                keys.add(m.group(1));
                m.appendReplacement(b, "");
                any = true;
            }
            m.appendTail(b);
            if (!any) {
                return s;
            }
            s = b.toString();
        }
    }

    @Test
    void every_word_of_every_sheet_comes_from_the_bundle_and_every_sentence_key_is_used() {
        SheetWriter writer = new SheetWriter(pseudo("de"));
        Set<String> used = new TreeSet<>();
        List<SheetFacts> facts = new java.util.ArrayList<>(SheetWriterTest.samples(300));
        // what the random samples do not reach: sessions 12 hours and 2 weeks apart, a drip of a few minutes
        facts.add(every(12, 120));
        facts.add(every(336, 120));
        facts.add(every(24, 10));
        for (SheetFacts f : facts) {
            PatientSheet s = writer.write(f);
            assertThat(unmarked(s.title(), used)).as("title").isBlank();
            for (PatientSheet.Section sec : s.sections()) {
                assertThat(unmarked(sec.heading(), used)).as(sec.id() + " heading").isBlank();
                for (String p : sec.paragraphs()) {
                    assertThat(unmarked(p, used)).as("in " + sec.id() + ": " + p).isBlank();
                }
            }
            assertThat(unmarked(s.page().forPerson() + s.page().pdfLink() + s.page().sourcesHeading()
                    + s.page().madeBy(), used)).as("page words").isBlank();
        }
        Set<String> unused = new TreeSet<>(ENGLISH.messages().keySet());
        unused.removeAll(used);
        // the person is said inside page.for; the page number is printed by the PDF (tested below)
        assertThat(unused).as("keys no sheet says").containsExactly("page.number");
    }

    private static SheetFacts every(double intervalHours, double minutes) {
        SheetFacts f = SheetWriterTest.msCourse();
        return new SheetFacts(f.givenName(), f.familyName(), f.mrn(), f.donor(), f.procedure(), f.indicationText(),
                f.sessions(), java.util.OptionalDouble.of(intervalHours), minutes, f.laterDayMinutes(), f.warnings(),
                f.albumin(), f.donorPlasma(), f.access(), f.forRecipient(), f.doses(), f.cost());
    }

    @Test
    void numbers_and_money_follow_the_language_s_locale() {
        SheetFacts f = SheetWriterTest.withCost(SheetWriterTest.msCourse(), Optional.of(new SheetFacts.Cost("USD", 5,
                5, new BigDecimal("3500"), new BigDecimal("3500"), Optional.empty(), false)));
        PatientSheet german = new SheetWriter(pseudo("de")).write(f);
        PatientSheet english = new SheetWriter(ENGLISH).write(f);
        String risksDe = String.join(" ", german.section("risks").orElseThrow().paragraphs());
        assertThat(risksDe).contains("169.000").contains("every 1.000");
        assertThat(String.join(" ", english.section("risks").orElseThrow().paragraphs())).contains("169,000");
        assertThat(String.join(" ", german.section("cost").orElseThrow().paragraphs())).contains("3.500");
        assertThat(String.join(" ", english.section("cost").orElseThrow().paragraphs())).contains("$3,500");
        assertThat(ENGLISH.money(new BigDecimal("1234.5"), "EUR")).isEqualTo("€1,235");
    }

    @Test
    void the_page_says_its_language_and_prints_its_page_number_in_it() throws IOException {
        PatientSheet sheet = new SheetWriter(pseudo("de")).write(SheetWriterTest.msCourse());
        assertThat(SheetHtml.page(sheet, null, null)).contains("lang=\"de\"");
        try (PDDocument d = Loader.loadPDF(SheetPdf.render(sheet))) {
            assertThat(new PDFTextStripper().getText(d)).contains("Seite 1 von " + d.getNumberOfPages())
                    .doesNotContain("Page 1 of");
        }
    }

    @Test
    void a_page_number_pattern_needs_the_page_before_the_pages_and_is_quoted_for_css() {
        assertThat(Pdf.PageNumber.of("Page {0} of {1}")).isEqualTo(Pdf.PageNumber.ENGLISH);
        assertThat(Pdf.PageNumber.of("{0}/{1} Seiten")).isEqualTo(new Pdf.PageNumber("", "/", " Seiten"));
        assertThatThrownBy(() -> Pdf.PageNumber.of("Page {1} of {0}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pdf.PageNumber.of("Page {0}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_language_without_every_key_of_english_is_refused_naming_the_keys() {
        Map<String, String> partial = new HashMap<>(ENGLISH.messages());
        partial.remove("feel.citrate");
        partial.remove("cost.help");
        SheetText de = new SheetText("de", "Deutsch", partial, ENGLISH.glossary());
        assertThatThrownBy(() -> new SheetLanguages(List.of(ENGLISH, de))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("de lack 2 key(s) of en: cost.help, feel.citrate");
    }

    @Test
    void a_message_that_does_not_parse_or_has_a_single_apostrophe_is_refused() {
        Map<String, String> broken = new HashMap<>(ENGLISH.messages());
        broken.put("time.span", "So it takes about {0 from the first to the last.");
        assertThatThrownBy(() -> new SheetLanguages(List.of(ENGLISH, new SheetText("fr", "Français", broken,
                ENGLISH.glossary())))).hasMessageContaining("time.span in fr does not parse");
        Map<String, String> quote = new HashMap<>(ENGLISH.messages());
        quote.put("team.lab", "L'équipe du laboratoire vérifie vos cellules.");
        assertThatThrownBy(() -> new SheetLanguages(List.of(ENGLISH, new SheetText("fr", "Français", quote,
                ENGLISH.glossary())))).hasMessageContaining("team.lab in fr has a single apostrophe");
        quote.put("team.lab", "L''équipe du laboratoire vérifie vos cellules.");
        SheetText fr = new SheetLanguages(List.of(ENGLISH, new SheetText("fr", "Français", quote,
                ENGLISH.glossary()))).find("fr").orElseThrow();
        assertThat(fr.get("team.lab")).isEqualTo("L'équipe du laboratoire vérifie vos cellules.");
    }

    @Test
    void the_shipped_languages_start_with_english_and_an_unknown_one_is_a_422_on_lang() {
        SheetLanguages shipped = SheetLanguages.load();
        assertThat(shipped.all().get(0).tag()).isEqualTo("en");
        assertThat(shipped.all().stream().map(SheetText::name).collect(Collectors.toList())).contains("English");
        assertThat(shipped.asked(Optional.empty()).tag()).isEqualTo("en");
        assertThat(shipped.asked(Optional.of("en")).tag()).isEqualTo("en");
        assertThatThrownBy(() -> shipped.asked(Optional.of("xx"))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().get(0).field()).isEqualTo("lang"));
    }
}
