package org.openapheresis.server.product.label;

import com.openhtmltopdf.css.parser.FSRGBColor;
import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.openapheresis.isbt128.DataStructure;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;
import org.w3c.dom.Element;
import uk.org.okapibarcode.backend.Code128;
import uk.org.okapibarcode.backend.DataMatrix;
import uk.org.okapibarcode.backend.HumanReadableLocation;
import uk.org.okapibarcode.backend.Symbol;
import uk.org.okapibarcode.graphics.Rectangle;

/**
 * Renders a {@link LabelContent} as a one-page PDF of {@value #PAGE_MM} × {@value #PAGE_MM} mm in the four quadrants of
 * an ISBT 128 label: upper left the DIN bar code, the eye-readable DIN with its flags and boxed check character, and the
 * facility; upper right the ABO/RhD bar code and groups, the statement of intended use and the recipient; lower left
 * the product code bar code and the product description; lower right the expiry bar code and date, the special testing
 * and a Data Matrix of the compound message.
 *
 * <p>The bar codes are encoded by OkapiBarcode (Code 128, Data Matrix ECC 200) and drawn from its module rectangles as
 * vector paths at exact sizes, so they print as sharply as the printer can. The page is laid out in HTML and CSS by
 * openhtmltopdf over PDFBox, with the Liberation Sans font that ships inside PDFBox embedded (subset), so no system font
 * is needed and a text the font cannot show is refused, never printed as a blank or a box.
 *
 * <p>Sizes: the Code 128 module (X dimension) is {@value #LINEAR_MODULE_MM} mm, three dots of a 300 dpi label printer,
 * with a quiet zone of {@value #LINEAR_QUIET_ZONE_MODULES} modules each side (ISO/IEC 15417) and bars
 * {@value #BAR_HEIGHT_MM} mm high; the Data Matrix module is {@value #MATRIX_MODULE_MM} mm with a
 * {@value #MATRIX_QUIET_ZONE_MODULES}-module quiet zone. UNVERIFIED: the X dimension, bar height and the placement of
 * the 2-D symbol that ST-001 §4 and ST-004 prescribe for a 100 × 100 mm cellular therapy label (licensed documents
 * not read here); the quadrant contents follow ST-001's four-quadrant layout as issue 13 states it.
 */
public final class LabelPdf {

    /** Width and height of the label. */
    public static final double PAGE_MM = 100;
    /** Code 128 module width: 3 dots at 300 dpi (25.4 / 300 × 3). */
    public static final double LINEAR_MODULE_MM = 25.4 / 300 * 3;
    /** Quiet zone each side of a Code 128 symbol, in modules: the minimum of ISO/IEC 15417. */
    public static final int LINEAR_QUIET_ZONE_MODULES = 10;
    /** Height of the Code 128 bars. */
    public static final double BAR_HEIGHT_MM = 10;
    /** Data Matrix module size: 6 dots at 300 dpi. */
    public static final double MATRIX_MODULE_MM = 25.4 / 300 * 6;
    /** Quiet zone around the Data Matrix, in modules (ISO/IEC 16022 asks for at least one). */
    public static final int MATRIX_QUIET_ZONE_MODULES = 2;

    private static final double QUADRANT_MM = PAGE_MM / 2;
    private static final double PADDING_MM = 2;
    private static final FSRGBColor INK = new FSRGBColor(0, 0, 0);
    private static final String SYMBOL_TYPE = "application/x-openapheresis-symbol";
    private static final String FONT_FAMILY = "LabelSans";
    /** Liberation Sans Regular (SIL Open Font License), shipped inside the PDFBox jar for its own rendering. */
    private static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final byte[] FONT = readFont();

    static {
        org.openapheresis.server.system.LayoutLog.install();
    }

    private LabelPdf() {
    }

    /**
     * @return the PDF file
     * @throws InvalidInputException {@code INVALID_CHARACTER} for a printed text with a character the label's font
     *     cannot show
     */
    public static byte[] render(LabelContent content) {
        Map<String, Symbol> symbols = symbols(content);
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(FONT));
                PDDocument document = new PDDocument()) {
            requireGlyphs(font, content);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, font, true)), FONT_FAMILY);
            builder.useDefaultPageSize((float) PAGE_MM, (float) PAGE_MM, PdfRendererBuilder.PageSizeUnits.MM);
            builder.useObjectDrawerFactory(new SymbolDrawers(symbols));
            builder.withProducer("OpenApheresis");
            builder.withHtmlContent(html(content, symbols), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the label could not be rendered", e);
        }
    }

    /** The bar codes of the label by the id of the element that places each: four Code 128, one Data Matrix. */
    private static Map<String, Symbol> symbols(LabelContent content) {
        Map<String, Symbol> symbols = new LinkedHashMap<>();
        symbols.put("din", code128(content.donationIdentificationNumber()));
        symbols.put("abo", code128(content.bloodGroups()));
        symbols.put("product", code128(content.productCode()));
        symbols.put("expiry", code128(content.expiration()));
        DataMatrix matrix = new DataMatrix();
        matrix.setForceMode(DataMatrix.ForceMode.SQUARE);
        matrix.setHumanReadableLocation(HumanReadableLocation.NONE);
        matrix.setContent(content.compoundMessage().encode());
        symbols.put("compound", matrix);
        return symbols;
    }

    private static Symbol code128(DataStructure structure) {
        Code128 code = new Code128();
        code.setHumanReadableLocation(HumanReadableLocation.NONE);
        code.setContent(structure.encode());
        double widthMm = (code.getWidth() + 2.0 * LINEAR_QUIET_ZONE_MODULES) * LINEAR_MODULE_MM;
        if (widthMm > QUADRANT_MM - 2 * PADDING_MM) {
            throw new IllegalStateException(structure.encode() + " needs " + widthMm + " mm, wider than a quadrant");
        }
        return code;
    }

    private static void requireGlyphs(TrueTypeFont font, LabelContent content) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("label.facilityName", content.facilityName());
        texts.put("label.productDescription", content.productDescription().name());
        content.specialTesting().ifPresent(t -> texts.put("label.specialTesting", t));
        content.intendedRecipient().ifPresent(r -> {
            texts.put("label.intendedRecipient.name", r.name());
            texts.put("label.intendedRecipient.identifier", r.identifier());
        });
        CmapLookup cmap = font.getUnicodeCmapLookup();
        List<Problem> problems = new ArrayList<>();
        texts.forEach((field, text) -> {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!Character.isWhitespace(c) && cmap.getGlyphId(c) == 0) {
                    problems.add(Problem.of(field, MessageKey.INVALID_CHARACTER, "U+" + hex(c) + " (no glyph in the label font)",
                            i + 1));
                    break;
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the label cannot be printed", problems);
        }
    }

    private static String html(LabelContent c, Map<String, Symbol> symbols) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<html><head><style>")
                .append("@page { size: ").append(mm(PAGE_MM)).append(' ').append(mm(PAGE_MM)).append("; margin: 0; }")
                .append("body { margin: 0; font-family: '").append(FONT_FAMILY).append("'; font-size: 7pt; line-height: 1.15; }")
                .append(".q { position: absolute; width: ").append(mm(QUADRANT_MM - 2 * PADDING_MM)).append("; height: ")
                .append(mm(QUADRANT_MM - 2 * PADDING_MM)).append("; padding: ").append(mm(PADDING_MM)).append("; }")
                .append(".rule { position: absolute; background-color: #000; }")
                .append(".code { display: block; margin-bottom: 1mm; }")
                .append(".din { font-size: 13pt; }")
                .append(".k { border: 0.3mm solid #000; padding: 0 0.6mm; }")
                .append(".flags { font-size: 7pt; }")
                .append(".abo { font-size: 30pt; line-height: 1; }")
                .append(".rh { font-size: 10pt; margin-bottom: 1.5mm; }")
                .append(".use { font-size: 9pt; margin-bottom: 1mm; }")
                .append(".small { font-size: 6.5pt; }")
                .append(".description { font-size: 8.5pt; margin-top: 1mm; }")
                .append(".expiry { font-size: 11pt; margin-bottom: 1.5mm; }")
                .append(".matrix { position: absolute; right: ").append(mm(PADDING_MM)).append("; bottom: ").append(mm(PADDING_MM))
                .append("; }")
                .append("</style></head><body>");
        h.append("<div class='rule' style='left: ").append(mm(QUADRANT_MM - 0.1)).append("; top: 0; width: 0.2mm; height: ")
                .append(mm(PAGE_MM)).append(";'></div>");
        h.append("<div class='rule' style='top: ").append(mm(QUADRANT_MM - 0.1)).append("; left: 0; height: 0.2mm; width: ")
                .append(mm(PAGE_MM)).append(";'></div>");

        quadrant(h, 0, 0);
        symbol(h, "din", symbols);
        h.append("<div class='din'>").append(text(c.printedDin()));
        c.printedFlags().ifPresent(f -> h.append(" <span class='flags'>").append(text(f)).append("</span>"));
        h.append(" <span class='k'>").append(c.checkCharacter()).append("</span></div>");
        h.append("<div>").append(text(c.facilityName())).append("</div>");
        h.append("</div>");

        quadrant(h, QUADRANT_MM, 0);
        symbol(h, "abo", symbols);
        h.append("<div class='abo'>").append(text(c.aboText())).append("</div>");
        h.append("<div class='rh'>").append(text(c.rhDText())).append("</div>");
        c.intendedUseStatement().ifPresent(s -> h.append("<div class='use'>").append(text(s)).append("</div>"));
        c.intendedRecipient().ifPresent(r -> h.append("<div>Recipient: ").append(text(r.name())).append("</div><div>ID: ")
                .append(text(r.identifier())).append("</div>"));
        h.append("</div>");

        quadrant(h, 0, QUADRANT_MM);
        symbol(h, "product", symbols);
        h.append("<div class='small'>").append(text(c.productCode().dataContent())).append("</div>");
        h.append("<div class='description'>").append(text(c.productDescription().name())).append("</div>");
        c.collectionText().ifPresent(t -> h.append("<div style='margin-top: 1.5mm;'>Collected ").append(text(t)).append("</div>"));
        h.append("</div>");

        quadrant(h, QUADRANT_MM, QUADRANT_MM);
        symbol(h, "expiry", symbols);
        h.append("<div class='small'>Expires</div><div class='expiry'>").append(text(c.expirationText())).append("</div>");
        double matrixMm = matrixSideMm(symbols.get("compound"));
        c.specialTesting().ifPresent(t -> h.append("<div style='margin-right: ").append(mm(matrixMm + 1)).append(";'>")
                .append(text(t)).append("</div>"));
        h.append("<object id='compound' class='matrix' type='").append(SYMBOL_TYPE).append("' style='width: ")
                .append(mm(matrixMm)).append("; height: ").append(mm(matrixMm)).append(";'></object>");
        h.append("</div>");
        return h.append("</body></html>").toString();
    }

    private static void quadrant(StringBuilder h, double leftMm, double topMm) {
        h.append("<div class='q' style='left: ").append(mm(leftMm)).append("; top: ").append(mm(topMm)).append(";'>");
    }

    private static void symbol(StringBuilder h, String id, Map<String, Symbol> symbols) {
        double widthMm = (symbols.get(id).getWidth() + 2.0 * LINEAR_QUIET_ZONE_MODULES) * LINEAR_MODULE_MM;
        h.append("<object id='").append(id).append("' class='code' type='").append(SYMBOL_TYPE).append("' style='width: ")
                .append(mm(widthMm)).append("; height: ").append(mm(BAR_HEIGHT_MM)).append(";'></object>");
    }

    private static double matrixSideMm(Symbol matrix) {
        return (matrix.getWidth() + 2.0 * MATRIX_QUIET_ZONE_MODULES) * MATRIX_MODULE_MM;
    }

    private static String mm(double value) {
        return String.format(Locale.ROOT, "%.4fmm", value);
    }

    /** Text for XHTML (see {@link org.openapheresis.server.system.Xhtml#text}). */
    private static String text(String s) {
        return org.openapheresis.server.system.Xhtml.text(s);
    }

    private static String hex(char c) {
        return String.format(Locale.ROOT, "%04X", (int) c);
    }

    private static byte[] readFont() {
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(FONT_RESOURCE + " is not on the class path (PDFBox)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Draws the label's symbols into the boxes of their {@code <object>} elements: each module rectangle OkapiBarcode
     * computed, scaled to the box, as a filled vector path. A linear symbol's bars fill the box's height; a quiet zone
     * is left each side.
     */
    private static final class SymbolDrawers implements FSObjectDrawerFactory {

        private final Map<String, Symbol> symbols;

        SymbolDrawers(Map<String, Symbol> symbols) {
            this.symbols = symbols;
        }

        @Override
        public boolean isReplacedObject(Element e) {
            return SYMBOL_TYPE.equals(e.getAttribute("type")) && symbols.containsKey(e.getAttribute("id"));
        }

        @Override
        public FSObjectDrawer createDrawer(Element e) {
            Symbol symbol = symbols.get(e.getAttribute("id"));
            if (symbol == null) {
                return null;
            }
            boolean matrix = symbol instanceof DataMatrix;
            int quiet = matrix ? MATRIX_QUIET_ZONE_MODULES : LINEAR_QUIET_ZONE_MODULES;
            return (element, x, y, width, height, device, context, dotsPerPixel) -> {
                double module = width / (symbol.getWidth() + 2.0 * quiet);
                double left = x + quiet * module;
                double top = matrix ? y + quiet * module : y;
                device.setColor(INK);
                for (Rectangle r : symbol.getRectangles()) {
                    Shape bar = matrix
                            ? new Rectangle2D.Double(left + r.x * module, top + r.y * module, r.width * module, r.height * module)
                            : new Rectangle2D.Double(left + r.x * module, top, r.width * module, height);
                    device.fill(bar);
                }
                return null;
            };
        }
    }
}
