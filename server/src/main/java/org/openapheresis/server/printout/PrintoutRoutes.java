package org.openapheresis.server.printout;

import static org.openapheresis.server.access.Permission.ORDERS_READ;
import static org.openapheresis.server.access.Permission.SESSIONS_CLINICAL_READ;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.Documents;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.Route;
import org.openapheresis.server.system.Pdf;

/**
 * {@code GET /api/orders/{id}/plan-sheet} and {@code GET /api/sessions/{id}/summary}: the unit's printed documents as
 * HTML or PDF, chosen by the {@code Accept} header or {@code ?format=html|pdf}, on {@code ?paper=a4|letter} (see
 * {@link Documents}), each audited as a read of the patient's record. The plan sheet is for who may read orders; the
 * summary, which holds the session's clinical record, for who may read it.
 */
public final class PrintoutRoutes implements FeatureRoutes {

    private static final String CSS = read("/web" + Page.STYLESHEET);

    private final PrintoutService printouts;
    private final PrintSettingsService settings;

    public PrintoutRoutes(PrintoutService printouts, PrintSettingsService settings) {
        this.printouts = printouts;
        this.settings = settings;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/api/orders/{id}/plan-sheet", ORDERS_READ, "The order's plan to print: the course and the "
                        + "plan's figures, each with its unit, its warnings with who acknowledged them, its assumptions "
                        + "and sources; HTML (Accept: text/html) or a PDF (Accept: application/pdf; or "
                        + "?format=html|pdf) on ?paper=a4 or letter (default: the unit's paper, GET "
                        + "/api/print-settings)", this::planSheet).audit()
                        .error(406, "Accept names neither text/html nor application/pdf")
                        .error(422, "format is neither html nor pdf, or paper neither a4 nor letter"),
                Route.get("/api/sessions/{id}/summary", SESSIONS_CLINICAL_READ, "The session's run sheet and summary "
                        + "to print: person, order, procedure, machine, chair and nurse, the plan's targets, plan versus "
                        + "actual, run values, vitals, fluids, labs, adverse events, access, product and notes with who "
                        + "recorded each when; HTML or PDF as for the plan sheet", this::summary).audit()
                        .error(406, "Accept names neither text/html nor application/pdf")
                        .error(422, "format is neither html nor pdf, or paper neither a4 nor letter"));
    }

    private void planSheet(Call call) {
        Documents.Asked asked = Documents.asked(call);
        String id = call.param("id");
        PrintSettings unit = call.read(settings::current);
        PrintoutService.PlanSheet sheet = call.read(h -> {
            call.concerns(printouts.patientOfOrder(h, id));
            return printouts.planSheet(h, id);
        });
        String by = call.who().username();
        Documents.answer(call, asked, unit.defaultPaper(), () -> PlanSheetHtml.page(sheet, call.zone(), null, "/api/orders/" + id
                + "/plan-sheet?format=pdf", by, call.now()), paper -> Pdf.render(PlanSheetHtml.page(sheet,
                call.zone(), CSS, null, by, call.now()), paper), "plan-sheet.pdf");
    }

    private void summary(Call call) {
        Documents.Asked asked = Documents.asked(call);
        String id = call.param("id");
        PrintSettings unit = call.read(settings::current);
        PrintoutService.SessionSummary summary = call.read(h -> {
            call.concerns(printouts.patientOfSession(h, id));
            return printouts.sessionSummary(h, id);
        });
        String by = call.who().username();
        Documents.answer(call, asked, unit.defaultPaper(), () -> SummaryHtml.page(summary, call.zone(), null, "/api/sessions/" + id
                + "/summary?format=pdf", by, call.now()), paper -> Pdf.render(SummaryHtml.page(summary, call.zone(),
                CSS, null, by, call.now()), paper), "session-summary.pdf");
    }

    private static String read(String resource) {
        try (InputStream in = PrintoutRoutes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
