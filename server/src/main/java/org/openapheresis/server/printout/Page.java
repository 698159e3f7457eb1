package org.openapheresis.server.printout;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openapheresis.server.system.Xhtml;

/**
 * An XHTML document being written: every text goes through {@link Xhtml#text}, every number through
 * {@link #qty(Double, String, int)} with its unit. Well-formed, so the PDF engine reads the same page the browser shows.
 */
final class Page {

    /** Where the documents' stylesheet is served, and where it is on the class path under {@code web}. */
    static final String STYLESHEET = "/css/printout.css";
    /** What is shown where a value was not recorded or does not apply. */
    static final String NONE = "—";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final StringBuilder h = new StringBuilder(32 * 1024);
    private final ZoneId zone;

    /**
     * @param title the document's title (its h1)
     * @param footer the running footer on every printed page: whom it is about
     * @param inlineCss the stylesheet to put in the page (the PDF), or null to link it (the browser)
     * @param pdfLink the address of the same document as PDF, shown on screen, or null
     * @param zone the unit's time zone, in which times are written
     */
    Page(String title, String footer, String inlineCss, String pdfLink, ZoneId zone) {
        this.zone = zone;
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<title>").append(esc(title)).append("</title>");
        if (inlineCss == null) {
            h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                    .append("<link rel=\"stylesheet\" href=\"").append(STYLESHEET).append("\"/>");
        } else {
            h.append("<style>").append(inlineCss).append("</style>");
        }
        h.append("</head><body class=\"printout\">");
        h.append("<div class=\"footer\">").append(esc(footer)).append("</div>");
        h.append("<h1 id=\"doc-title\">").append(esc(title)).append("</h1>");
        if (pdfLink != null) {
            h.append("<p class=\"tools\"><a id=\"doc-pdf\" href=\"").append(esc(pdfLink))
                    .append("\">Open as a PDF (A4)</a> · <a id=\"doc-pdf-letter\" href=\"").append(esc(pdfLink))
                    .append("&amp;paper=letter\">PDF on US Letter</a></p>");
        }
    }

    static String esc(String s) {
        return Xhtml.text(s);
    }

    private static final java.util.regex.Pattern POWER_OF_TEN = java.util.regex.Pattern.compile("10\\^(-?\\d+)");

    /**
     * Text of the page's body, escaped, with each power of ten written as on paper: {@code 10^9} as 10 with a
     * superscript 9 ({@code <sup>}, which the PDF engine sets smaller and raised with the embedded font's own digits),
     * so that "×10^9/L" reads ×10⁹/L on screen and in print.
     */
    static String text(String s) {
        return POWER_OF_TEN.matcher(esc(s)).replaceAll("10<sup>$1</sup>");
    }

    /** A section with its id and heading; close it with {@link #end()}. */
    Page section(String id, String heading) {
        h.append("<section id=\"").append(esc(id)).append("\"><h2>").append(text(heading)).append("</h2>");
        return this;
    }

    Page end() {
        h.append("</section>");
        return this;
    }

    Page p(String cls, String text) {
        h.append("<p");
        if (cls != null) {
            h.append(" class=\"").append(esc(cls)).append('"');
        }
        h.append('>').append(text(text)).append("</p>");
        return this;
    }

    /** Label and value pairs, two columns. */
    Page facts(String id, List<String[]> rows) {
        h.append("<table class=\"facts\" id=\"").append(esc(id)).append("\"><tbody>");
        for (String[] r : rows) {
            h.append("<tr><th>").append(text(r[0])).append("</th><td>").append(text(r[1])).append("</td></tr>");
        }
        h.append("</tbody></table>");
        return this;
    }

    /**
     * A table; a column whose header ends with a unit in brackets holds numbers of that unit.
     *
     * @param empty what is said when there are no rows
     */
    Page table(String id, List<String> headers, List<List<String>> rows, String empty) {
        if (rows.isEmpty()) {
            return p("empty", empty);
        }
        h.append("<table class=\"grid\" id=\"").append(esc(id)).append("\"><thead><tr>");
        for (String c : headers) {
            h.append("<th>").append(text(c)).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (List<String> r : rows) {
            h.append("<tr>");
            for (String c : r) {
                h.append("<td>").append(text(c)).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
        return this;
    }

    /** A numbered list. */
    Page list(String id, String cls, List<String> items) {
        h.append("<ol class=\"").append(esc(cls)).append("\" id=\"").append(esc(id)).append("\">");
        for (String i : items) {
            h.append("<li>").append(text(i)).append("</li>");
        }
        h.append("</ol>");
        return this;
    }

    String done() {
        return h.append("</body></html>").toString();
    }

    // --- values

    /** A number with its unit ("1,234 mL"), or {@link #NONE} when absent; {@code digits} decimals at most. */
    static String qty(Double v, String unit, int digits) {
        if (v == null || v.isNaN()) {
            return NONE;
        }
        return num(v, digits) + (unit.isEmpty() ? "" : " " + unit(unit));
    }

    /** A number without a unit (a count, or a value in a column whose header names the unit). */
    static String num(Double v, int digits) {
        if (v == null || v.isNaN()) {
            return NONE;
        }
        DecimalFormat f = new DecimalFormat("#,##0" + (digits > 0 ? "." + "#".repeat(digits) : ""),
                DecimalFormatSymbols.getInstance(Locale.UK));
        String s = f.format(v);
        return s.equals("-0") ? "0" : s;
    }

    /** A large count in scientific notation: "2.50 × 10^6". */
    static String sci(Double v) {
        if (v == null || v.isNaN()) {
            return NONE;
        }
        if (v == 0) {
            return "0";
        }
        int e = (int) Math.floor(Math.log10(Math.abs(v)));
        return String.format(Locale.ROOT, "%.2f × 10^%d", v / Math.pow(10, e), e);
    }

    /** A unit as written on paper: {@code /uL} as /µL, a power of ten with its sign ({@code 10^9/L} as ×10^9/L). */
    static String unit(String u) {
        String s = u.replace("/uL", "/µL");
        return s.startsWith("10^") ? "×" + s : s;
    }

    String at(Instant t) {
        return t == null ? NONE : DATE_TIME.format(t.atZone(zone));
    }

    String at(Optional<Instant> t) {
        return t.map(this::at).orElse(NONE);
    }

    String time(Instant t) {
        return t == null ? NONE : TIME.format(t.atZone(zone));
    }

    /** Who recorded an entry and when: "nurse.moreau at 09:12". */
    String by(String who, Instant when) {
        return (who == null ? NONE : who) + " at " + time(when);
    }

    ZoneId zone() {
        return zone;
    }
}
