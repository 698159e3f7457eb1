package org.openapheresis.server.sheet;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The sheet as an A4 PDF, rendered by openhtmltopdf over PDFBox from {@link SheetHtml}'s page with the sheet's
 * stylesheet inline, as the product labels are: the Liberation Sans font that ships inside PDFBox is embedded
 * (subset), so no system font is needed; each page's footer names the person and says "Page n of m".
 */
public final class SheetPdf {

    /** Liberation Sans Regular (SIL Open Font License), shipped inside the PDFBox jar. */
    private static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final String FONT_FAMILY = "SheetSans";
    private static final byte[] FONT = read(PDDocument.class, FONT_RESOURCE);
    private static final String CSS = new String(read(SheetPdf.class, "/web" + SheetHtml.STYLESHEET),
            StandardCharsets.UTF_8);

    private SheetPdf() {
    }

    /** @return the PDF file */
    public static byte[] render(PatientSheet sheet) {
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(FONT));
                PDDocument document = new PDDocument()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, font, true)), FONT_FAMILY);
            builder.withProducer("OpenApheresis");
            builder.withHtmlContent(SheetHtml.page(sheet, CSS, null), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the patient sheet could not be rendered", e);
        }
    }

    private static byte[] read(Class<?> from, String resource) {
        try (InputStream in = from.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
