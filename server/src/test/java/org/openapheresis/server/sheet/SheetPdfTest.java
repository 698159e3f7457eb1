package org.openapheresis.server.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openapheresis.safety.WarningCode;

/** The sheet's PDF, read back with PDFBox: an A4 document whose text holds the sheet's key sentences and footer. */
class SheetPdfTest {

    private static final SheetWriter WRITER = new SheetWriter(SheetLanguages.load().fallback());

    private static String flat(String s) {
        return s.replaceAll("\\s+", " ");
    }

    @Test
    void the_pdf_is_a4_and_its_text_holds_the_key_sentences_the_person_and_page_n_of_m() throws IOException {
        SheetFacts f = SheetWriterTest.withCost(SheetWriterTest.with(SheetWriterTest.msCourse(),
                Set.of(WarningCode.CITRATE_RATE_HIGH, WarningCode.ACE_INHIBITOR_ALBUMIN_EXCHANGE)),
                Optional.of(new SheetFacts.Cost("USD", 5, 5, new BigDecimal("3500"), new BigDecimal("3500"),
                        Optional.empty(), false)));
        PatientSheet sheet = WRITER.write(f);
        byte[] pdf = SheetPdf.render(sheet);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDRectangle page = d.getPage(0).getMediaBox();
            assertThat((double) page.getWidth() / 72 * 25.4).isBetween(209.0, 211.0);
            assertThat((double) page.getHeight() / 72 * 25.4).isBetween(296.0, 298.0);
            String text = flat(new PDFTextStripper().getText(d));
            assertThat(text).contains("Your treatment: information for you").contains("Maria Example, MRN-1")
                    .contains("about 2 hours").contains("Your plan uses more anticoagulant than usual")
                    .contains("You take an ACE inhibitor").contains("Out of every 100 treatments")
                    .contains("about $3,500 for 5 treatments").contains("Page 1 of " + d.getNumberOfPages());
            java.nio.file.Path out = java.nio.file.Path.of("target", "patient-sheet-example.txt");
            java.nio.file.Files.writeString(out, new PDFTextStripper().getText(d));
        }
    }

    @Test
    void the_sheet_prints_whole_on_a4_and_on_us_letter_with_no_glyph_off_the_page() throws IOException {
        PatientSheet sheet = WRITER.write(SheetWriterTest.with(SheetWriterTest.msCourse(),
                Set.of(WarningCode.CITRATE_RATE_HIGH, WarningCode.ACE_INHIBITOR_ALBUMIN_EXCHANGE)));
        for (org.openapheresis.server.system.Paper paper : org.openapheresis.server.system.Paper.values()) {
            org.openapheresis.server.support.PrintedPdf p = org.openapheresis.server.support.PrintedPdf.read(
                    SheetPdf.render(sheet, paper), org.openapheresis.server.system.Pdf.MARGIN_BOTTOM_MM);
            assertThat(p.widthMm()).isCloseTo(paper.widthMm(), org.assertj.core.data.Offset.offset(0.5));
            assertThat(p.heightMm()).isCloseTo(paper.heightMm(), org.assertj.core.data.Offset.offset(0.5));
            assertThat(p.outside()).as(paper + ": glyphs off the page").isEmpty();
            for (PatientSheet.Section sec : sheet.sections()) {
                assertThat(p.squeezed()).as(paper + ": " + sec.heading())
                        .contains(org.openapheresis.server.support.PrintedPdf.squeeze(sec.heading()));
                for (String para : sec.paragraphs()) {
                    assertThat(p.squeezed()).as(paper + ": " + para)
                            .contains(org.openapheresis.server.support.PrintedPdf.squeeze(para));
                }
            }
        }
    }
}
