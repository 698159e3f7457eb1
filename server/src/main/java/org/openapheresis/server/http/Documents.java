package org.openapheresis.server.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openapheresis.server.system.Paper;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;

/**
 * How a printed document is answered (the patient sheet, the plan sheet, the session summary): HTML or PDF, chosen by
 * the {@code Accept} header or by {@code ?format=html|pdf} (a link cannot set a header), on the paper of
 * {@code ?paper=a4|letter} (when not given, the unit's default paper, {@code GET /api/print-settings}).
 */
public final class Documents {

    /** The answers a document route gives. */
    public enum Format { HTML, PDF }

    private Documents() {
    }

    /**
     * What a call asks for: the format and the paper.
     *
     * @param format HTML or PDF
     * @param paperAsked the PDF's paper, when the call names one
     */
    public record Asked(Format format, Optional<Paper> paperAsked) {

        /** The paper asked for, else the unit's. */
        public Paper paper(Paper unitDefault) {
            return paperAsked.orElse(unitDefault);
        }
    }

    /** What the call asks for, read before any record is (a 406 or 422 reads nothing). */
    public static Asked asked(Call call) {
        return new Asked(format(call.query("format"), call.ctx().header("Accept")), paper(call.query("paper")));
    }

    /**
     * Answers the document in the format asked for.
     *
     * @param unitPaper the paper when the call names none (the unit's setting)
     * @param html the document as an XHTML page for the browser
     * @param pdf the document as a PDF on the paper
     * @param fileName the PDF's file name, e.g. {@code plan-sheet.pdf}
     */
    public static void answer(Call call, Asked asked, Paper unitPaper, Supplier<String> html,
            Function<Paper, byte[]> pdf, String fileName) {
        if (asked.format() == Format.PDF) {
            call.ctx().status(200).contentType("application/pdf").header("Content-Disposition",
                    "inline; filename=\"" + fileName + "\"").result(pdf.apply(asked.paper(unitPaper)));
        } else {
            call.ctx().status(200).contentType("text/html; charset=utf-8")
                    .result(html.get().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The paper of {@code ?paper=}: empty when absent; a 422 on {@code paper} for another value. */
    public static Optional<Paper> paper(Optional<String> query) {
        return query.map(q -> Paper.ofCode(q).orElseThrow(() -> InvalidInputException.of("paper", MessageKey.NOT_ONE_OF,
                q, "a4, letter")));
    }

    /**
     * The format asked for: the query's when given; else the one of text/html and application/pdf the Accept header
     * weighs higher (q; a tie goes to the one named first; a wildcard, or no header, is HTML); else 406.
     */
    public static Format format(Optional<String> query, String accept) {
        if (query.isPresent()) {
            return switch (query.get().toLowerCase(Locale.ROOT)) {
                case "html" -> Format.HTML;
                case "pdf" -> Format.PDF;
                default -> throw InvalidInputException.of("format", MessageKey.NOT_ONE_OF, query.get(), "html, pdf");
            };
        }
        if (accept == null || accept.isBlank()) {
            return Format.HTML;
        }
        double html = -1;
        double pdf = -1;
        int htmlAt = -1;
        int pdfAt = -1;
        String[] types = accept.split(",");
        for (int i = 0; i < types.length; i++) {
            String[] parts = types[i].split(";");
            String t = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            if (q <= 0) {
                continue;
            }
            if ((t.equals("text/html") || t.equals("text/*") || t.equals("*/*")) && q > html) {
                html = t.equals("text/html") ? q : Math.max(html, q * 0.999); // the exact type wins over a wildcard
                htmlAt = i;
            }
            if (t.equals("application/pdf") && q > pdf) {
                pdf = q;
                pdfAt = i;
            }
        }
        if (pdf > 0 && (pdf > html || pdf == html && pdfAt < htmlAt)) {
            return Format.PDF;
        }
        if (html > 0) {
            return Format.HTML;
        }
        throw new HttpProblem(406, "the document is answered as text/html or application/pdf", Map.of("acceptable",
                List.of("text/html", "application/pdf")));
    }

    /** The q parameter of a media range (1 when absent or unreadable). */
    private static double quality(String[] parts) {
        for (int j = 1; j < parts.length; j++) {
            String p = parts[j].strip();
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2));
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
        }
        return 1;
    }
}
