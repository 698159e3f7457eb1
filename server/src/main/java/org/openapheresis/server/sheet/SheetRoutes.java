package org.openapheresis.server.sheet;

import static org.openapheresis.server.access.Permission.CHARGES_READ;
import static org.openapheresis.server.access.Permission.ORDERS_READ;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.HttpProblem;
import org.openapheresis.server.http.Route;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;

/**
 * {@code /api/orders/{id}/patient-sheet}: the sheet as HTML or PDF, chosen by the {@code Accept} header (or by
 * {@code ?format=html|pdf}, for a link, which cannot set a header). Audited as a read of the patient's record. The
 * cost section is written only for a reader who may see charges; for others the sheet leaves it out.
 */
public final class SheetRoutes implements FeatureRoutes {

    /** The answers the route gives. */
    public enum Format { HTML, PDF }

    private final SheetService sheets;

    public SheetRoutes(SheetService sheets) {
        this.sheets = sheets;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/api/orders/{id}/patient-sheet", ORDERS_READ, "The patient information sheet of an "
                + "order, in plain words from the patient's own plan: HTML (Accept: text/html) or an A4 PDF (Accept: "
                + "application/pdf; or ?format=html|pdf); the cost section only for a reader who may read charges",
                this::sheet).audit().error(406, "Accept names neither text/html nor application/pdf")
                .error(422, "format is neither html nor pdf"));
    }

    private void sheet(Call call) {
        Format format = format(call.query("format"), call.ctx().header("Accept"));
        String id = call.param("id");
        boolean withCost = call.may(CHARGES_READ);
        PatientSheet sheet = call.read(h -> {
            call.concerns(sheets.patientOf(h, id));
            return sheets.sheet(h, id, withCost);
        });
        if (format == Format.PDF) {
            call.ctx().status(200).contentType("application/pdf").header("Content-Disposition",
                    "inline; filename=\"patient-sheet.pdf\"").result(SheetPdf.render(sheet));
        } else {
            call.ctx().status(200).contentType("text/html; charset=utf-8").result(SheetHtml.page(sheet, null,
                    "/api/orders/" + id + "/patient-sheet?format=pdf").getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The format asked for: the query's when given; else the one of text/html and application/pdf the Accept header
     * weighs higher (q; a tie goes to the one named first; a wildcard, or no header, is HTML); else 406.
     */
    static Format format(Optional<String> query, String accept) {
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
        throw new HttpProblem(406, "the sheet is answered as text/html or application/pdf", Map.of("acceptable",
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
