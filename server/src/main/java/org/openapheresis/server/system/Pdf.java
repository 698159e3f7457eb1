package org.openapheresis.server.system;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The one place a printed document (the patient sheet, the plan sheet, the session summary) becomes a PDF: an
 * XHTML page, with its own stylesheet inline, rendered by openhtmltopdf over PDFBox on the chosen {@link Paper}.
 * This class adds what every page shares: the page box and margins, the Liberation Sans font that ships inside
 * PDFBox embedded as a subset (so no system font is needed) under the family {@value #FONT_FAMILY}, the document's
 * running footer (its element of class {@code footer}, e.g. whom it is about) at the bottom left and "Page n of m" at
 * the bottom right.
 */
public final class Pdf {

    /** The font family the documents' stylesheets name; it is the embedded Liberation Sans. */
    public static final String FONT_FAMILY = "PrintSans";
    /** Margins of every page: top, sides, bottom (the bottom holds the footer), mm. */
    public static final double MARGIN_TOP_MM = 16;
    public static final double MARGIN_SIDE_MM = 16;
    public static final double MARGIN_BOTTOM_MM = 20;

    /** Liberation Sans Regular (SIL Open Font License), shipped inside the PDFBox jar. */
    private static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final byte[] FONT = read(FONT_RESOURCE);

    static {
        LayoutLog.install();
    }

    private Pdf() {
    }

    /**
     * @param xhtml a well-formed XHTML page with a {@code head} (the page rules go at its end, after the document's
     *     own style) and, when it has a footer, a {@code div class="footer"} before the body's content
     * @param paper the paper to lay it out on
     * @return the PDF file
     */
    public static byte[] render(String xhtml, Paper paper) {
        return render(xhtml, paper, PageNumber.ENGLISH);
    }

    /**
     * How the page number is printed at the bottom right: the words before the page's number, between it and the
     * number of pages, and after that.
     *
     * @param before e.g. "Page "
     * @param between e.g. " of "
     * @param after e.g. "" (a language may put words after)
     */
    public record PageNumber(String before, String between, String after) {

        /** "Page n of m". */
        public static final PageNumber ENGLISH = new PageNumber("Page ", " of ", "");

        public PageNumber {
            java.util.Objects.requireNonNull(before, "before");
            java.util.Objects.requireNonNull(between, "between");
            java.util.Objects.requireNonNull(after, "after");
        }

        /**
         * From a pattern with {@code {0}} for the page and {@code {1}} for the pages, in that order: "Page {0} of {1}".
         *
         * @throws IllegalArgumentException when the pattern lacks either, or names them the other way round
         */
        public static PageNumber of(String pattern) {
            int page = pattern.indexOf("{0}");
            int pages = pattern.indexOf("{1}");
            if (page < 0 || pages < page) {
                throw new IllegalArgumentException("a page number pattern needs {0} (the page) before {1} (the pages): "
                        + pattern);
            }
            return new PageNumber(pattern.substring(0, page), pattern.substring(page + 3, pages),
                    pattern.substring(pages + 3));
        }

        /** The value of the CSS {@code content} property that prints it. */
        String css() {
            return quoted(before) + " counter(page) " + quoted(between) + " counter(pages) " + quoted(after);
        }

        private static String quoted(String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
        }
    }

    /**
     * @param xhtml as {@link #render(String, Paper)}
     * @param paper the paper to lay it out on
     * @param pageNumber how the page number is printed, in the document's language
     * @return the PDF file
     */
    public static byte[] render(String xhtml, Paper paper, PageNumber pageNumber) {
        int head = xhtml.indexOf("</head>");
        if (head < 0) {
            throw new IllegalArgumentException("the document has no head for its page rules");
        }
        String page = xhtml.substring(0, head) + "<style>" + pageCss(paper, pageNumber) + "</style>" + xhtml.substring(head);
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(FONT));
                PDDocument document = new PDDocument()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, font, true)), FONT_FAMILY);
            builder.withProducer("OpenApheresis");
            builder.withHtmlContent(page, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the document could not be rendered as a PDF", e);
        }
    }

    /** The page rules every document shares, for the paper. */
    static String pageCss(Paper paper) {
        return pageCss(paper, PageNumber.ENGLISH);
    }

    /** The page rules every document shares, for the paper, with the page number in the document's language. */
    static String pageCss(Paper paper, PageNumber pageNumber) {
        return String.format(Locale.ROOT, "@page { size: %.1fmm %.1fmm; margin: %.0fmm %.0fmm %.0fmm %.0fmm; "
                + "@bottom-left { content: element(footer); vertical-align: top; padding-top: 3mm; } "
                + "@bottom-right { content: %s; font-family: '%s', "
                + "sans-serif; font-size: 9pt; vertical-align: top; padding-top: 3mm; } } "
                + "body { font-family: '%s', sans-serif; } "
                + ".footer { position: running(footer); display: block; font-size: 9pt; color: #333; }",
                paper.widthMm(), paper.heightMm(), MARGIN_TOP_MM, MARGIN_SIDE_MM, MARGIN_BOTTOM_MM, MARGIN_SIDE_MM,
                pageNumber.css(), FONT_FAMILY, FONT_FAMILY);
    }

    private static byte[] read(String resource) {
        try (InputStream in = PDDocument.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
