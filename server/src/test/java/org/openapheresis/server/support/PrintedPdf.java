package org.openapheresis.server.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A printed document read back with PDFBox: its pages' size, its text, and every glyph that lies (even in part)
 * outside its page's box, which is text the paper cuts. Used to check that the documents print whole at A4 and US
 * Letter.
 *
 * @param pages how many pages
 * @param widthMm the first page's width, mm
 * @param heightMm the first page's height, mm
 * @param text the text, in reading order
 * @param body the text of the pages' content: without the running footer and page numbers in the bottom margin, nor
 *     the numbers of list items (drawn apart from their items), so a phrase broken over two pages reads whole
 * @param outside each glyph outside its page's box: the page, the character and where it lies, pt
 * @param superscripts each glyph set as a superscript (smaller than the text around it), in reading order
 */
public record PrintedPdf(int pages, double widthMm, double heightMm, String text, String body, List<String> outside,
        List<String> superscripts) {

    private static final double PT_PER_MM = 72 / 25.4;

    /**
     * Reads a PDF file.
     *
     * @param bottomMarginMm the pages' bottom margin, which holds the footer, mm
     */
    public static PrintedPdf read(byte[] pdf, double bottomMarginMm) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDRectangle first = d.getPage(0).getMediaBox();
            List<String> outside = new ArrayList<>();
            List<String> superscripts = new ArrayList<>();
            StringBuilder body = new StringBuilder();
            PDFTextStripper stripper = new PDFTextStripper() {
                /** Font size of the last glyph kept, pt: a run made of a superscript alone is told by it. */
                private double lastSizePt;

                /**
                 * The text of a run of glyphs without its superscripts (a power of ten's exponent, set at 70 % of
                 * the text's size and raised): the reader extracts a raised glyph out of its place in the line, so
                 * the checks compare the text without them, as {@link #phrases} reads the page without its
                 * {@code <sup>}s.
                 */
                private String withoutSuperscripts(String s, List<TextPosition> glyphs) {
                    if (glyphs.size() != s.length()) {
                        return s;
                    }
                    double reference = glyphs.stream().mapToDouble(TextPosition::getFontSizeInPt).max().orElse(0);
                    if (glyphs.stream().allMatch(g -> g.getUnicode().matches("[0-9-]"))) {
                        reference = Math.max(reference, lastSizePt);
                    }
                    StringBuilder out = new StringBuilder();
                    for (int i = 0; i < glyphs.size(); i++) {
                        if (glyphs.get(i).getFontSizeInPt() >= 0.8 * reference) {
                            out.append(s.charAt(i));
                            lastSizePt = glyphs.get(i).getFontSizeInPt();
                        } else {
                            superscripts.add(String.valueOf(s.charAt(i)));
                        }
                    }
                    return out.toString();
                }

                @Override
                protected void writeString(String s, List<TextPosition> glyphs) throws IOException {
                    PDRectangle box = getCurrentPage().getMediaBox();
                    for (TextPosition g : glyphs) {
                        // direction-adjusted coordinates: x from the left edge, y from the top edge to the baseline
                        double left = g.getXDirAdj();
                        double right = left + g.getWidthDirAdj();
                        double top = g.getYDirAdj() - g.getHeightDir();
                        double bottom = g.getYDirAdj();
                        if (left < 0 || top < 0 || right > box.getWidth() + 0.01 || bottom > box.getHeight() + 0.01) {
                            outside.add(String.format(java.util.Locale.ROOT, "page %d '%s' at x %.1f..%.1f y %.1f..%.1f "
                                    + "of %.1f x %.1f pt", getCurrentPageNo(), g.getUnicode(), left, right, top,
                                    bottom, box.getWidth(), box.getHeight()));
                        }
                    }
                    boolean inFooter = !glyphs.isEmpty() && glyphs.get(0).getYDirAdj()
                            > box.getHeight() - bottomMarginMm * PT_PER_MM;
                    if (!inFooter && !s.strip().matches("\\d+\\.")) {
                        body.append(withoutSuperscripts(s, glyphs)).append('\n');
                    }
                    super.writeString(s, glyphs);
                }
            };
            String text = stripper.getText(d);
            return new PrintedPdf(d.getNumberOfPages(), first.getWidth() / PT_PER_MM, first.getHeight() / PT_PER_MM,
                    text, body.toString(), List.copyOf(outside), List.copyOf(superscripts));
        }
    }

    /** The body's text with all white space taken out (a word broken over two lines reads whole). */
    public String squeezed() {
        return squeeze(body);
    }

    public static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    /**
     * The text of each element of an XHTML page's body that holds text (cells, headings, paragraphs, list items),
     * with the five XML entities read back: every phrase the printed page must show.
     */
    public static List<String> phrases(String xhtml) {
        String body = (xhtml.contains("<body") ? xhtml.substring(xhtml.indexOf("<body")) : xhtml)
                .replaceAll("<sup>[^<]*</sup>", "");
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(">([^<>]+)<").matcher(body);
        while (m.find()) {
            String t = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                    .replace("&#39;", "'").replace("&amp;", "&").strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
