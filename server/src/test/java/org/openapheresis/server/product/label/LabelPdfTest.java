package org.openapheresis.server.product.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openapheresis.isbt128.CompoundMessage;
import org.openapheresis.isbt128.DataStructure;
import org.openapheresis.isbt128.Isbt128;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * Renders the label of an autologous HPC, Apheresis product, rasterises the PDF with PDFBox at 600 dpi and reads every
 * code back with ZXing, a decoder independent of the OkapiBarcode encoder: each quadrant's Code 128 and the Data Matrix
 * must give back, through the core's {@link Isbt128#parse}, the very data structures the label was given.
 */
class LabelPdfTest {

    private static final int DPI = 600;
    private static final double POINTS_PER_MM = 72 / 25.4;

    private static LabelContent label;
    private static byte[] pdf;
    private static BufferedImage page;

    @BeforeAll
    static void render() throws IOException {
        label = Labels.autologousHpcApheresis();
        pdf = LabelPdf.render(label);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            page = new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.RGB);
        }
    }

    @Test
    void the_label_is_one_page_of_100_by_100_mm() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDRectangle box = document.getPage(0).getMediaBox();
            assertThat(box.getWidth() / POINTS_PER_MM).isCloseTo(100, within(0.05));
            assertThat(box.getHeight() / POINTS_PER_MM).isCloseTo(100, within(0.05));
        }
    }

    @Test
    void each_quadrant_carries_its_data_structure_in_a_code_128_that_an_independent_decoder_reads_back() {
        assertThat(decode(quadrant(0, 0), BarcodeFormat.CODE_128)).isEqualTo(label.donationIdentificationNumber());
        assertThat(decode(quadrant(1, 0), BarcodeFormat.CODE_128)).isEqualTo(label.bloodGroups());
        assertThat(decode(quadrant(0, 1), BarcodeFormat.CODE_128)).isEqualTo(label.productCode());
        assertThat(decode(quadrant(1, 1), BarcodeFormat.CODE_128)).isEqualTo(label.expiration());
    }

    @Test
    void the_data_matrix_carries_the_compound_message_of_every_data_structure() {
        DataStructure read = decode(matrixCorner(), BarcodeFormat.DATA_MATRIX);

        assertThat(read).isEqualTo(label.compoundMessage());
        assertThat(((CompoundMessage) read).structures()).containsExactly(label.donationIdentificationNumber(),
                label.bloodGroups(), label.productCode(), label.expiration(), label.collection().orElseThrow());
    }

    @Test
    void the_eye_readable_text_is_the_text_of_the_same_data_structures() throws IOException {
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }

        // Lines wrap where the layout breaks them: compare without white space.
        assertThat(compact(text)).contains(Stream.of("A9999 26 123456 " + label.checkCharacter(),
                "OpenApheresis Cell Collection Unit", "O", "RhD POSITIVE", "FOR AUTOLOGOUS USE ONLY", "NOWAK, Łucja",
                "MRN 0012345", "S1128100", "HPC, APHERESIS/Citrate/XX/refg/Mobilized", "Collected 27 JAN 2026 14:30",
                "30 JAN 2026 14:30", "CD34+ 4.8 × 10⁶/kg · bacterial culture pending").map(LabelPdfTest::compact).toList());
    }

    @Test
    void a_text_the_label_font_cannot_show_is_refused_rather_than_printed_as_a_box() {
        LabelContent l = Labels.autologousHpcApheresis();
        LabelContent chinese = new LabelContent(l.donationIdentificationNumber(), l.facilityName(), l.bloodGroups(),
                l.productCode(), l.productDescription(), l.expiration(), l.collection(), l.specialTesting(),
                Optional.of(new IntendedRecipient("王芳", "MRN 0012345")));

        assertThatThrownBy(() -> LabelPdf.render(chinese)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(Problem::field, Problem::key, p -> p.params().get(1))
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("label.intendedRecipient.name",
                                MessageKey.INVALID_CHARACTER, 1)));
    }

    /** Quadrant {@code (column, row)} of the rasterised page, 0 = left or upper. */
    private static BufferedImage quadrant(int column, int row) {
        int half = page.getWidth() / 2;
        return page.getSubimage(column * half, row * half, half, half);
    }

    /**
     * The lower right corner of the lower right quadrant, 30..50 mm of it each way, where the label puts the Data
     * Matrix: ZXing's Data Matrix detector looks for one symbol from the image's centre and is lost among text and bars.
     */
    private static BufferedImage matrixCorner() {
        int half = page.getWidth() / 2;
        int from = (int) Math.round(half * 30.0 / 50);
        return page.getSubimage(half + from, half + from, half - from, half - from);
    }

    private static String compact(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static DataStructure decode(BufferedImage image, BarcodeFormat format) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)));
        Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(format),
                DecodeHintType.TRY_HARDER, Boolean.TRUE);
        try {
            Result result = new MultiFormatReader().decode(bitmap, hints);
            assertThat(result.getBarcodeFormat()).isEqualTo(format);
            return Isbt128.parse("scan", result.getText());
        } catch (NotFoundException e) {
            throw new AssertionError("no " + format + " found in the quadrant", e);
        }
    }
}
