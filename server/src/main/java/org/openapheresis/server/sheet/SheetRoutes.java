package org.openapheresis.server.sheet;

import static org.openapheresis.server.access.Permission.AUTHENTICATED;
import static org.openapheresis.server.access.Permission.CHARGES_READ;
import static org.openapheresis.server.access.Permission.ORDERS_READ;

import java.util.List;
import java.util.Optional;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.Documents;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.Route;
import org.openapheresis.server.printout.PrintSettings;
import org.openapheresis.server.printout.PrintSettingsService;

/**
 * {@code /api/orders/{id}/patient-sheet}: the sheet as HTML or PDF, chosen by the {@code Accept} header (or by
 * {@code ?format=html|pdf}, for a link, which cannot set a header; the paper by {@code ?paper=a4|letter}: see
 * {@link Documents}). Audited as a read of the patient's record. The cost section is written only for a reader who
 * may see charges; for others the sheet leaves it out.
 */
public final class SheetRoutes implements FeatureRoutes {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SheetRoutes.class);

    private final SheetService sheets;
    private final PrintSettingsService settings;

    public SheetRoutes(SheetService sheets, PrintSettingsService settings) {
        this.sheets = sheets;
        this.settings = settings;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/api/orders/{id}/patient-sheet", ORDERS_READ, "The patient information sheet of an "
                + "order, in plain words from the patient's own plan: HTML (Accept: text/html) or a PDF (Accept: "
                + "application/pdf; or ?format=html|pdf) on ?paper=a4 or letter, in the language of ?lang= (a BCP "
                + "47 tag of GET /api/patient-sheet/languages); either left out, the unit's (GET "
                + "/api/print-settings); the cost "
                + "section only for a reader who may read charges",
                this::sheet).audit().error(406, "Accept names neither text/html nor application/pdf")
                .error(422, "format is neither html nor pdf, paper neither a4 nor letter, or lang a language the "
                        + "sheet is not written in"),
                Route.get("/api/patient-sheet/languages", AUTHENTICATED, "The languages the patient information sheet "
                        + "is written in, the default first: [{tag, name}]", this::languages));
    }

    private void languages(Call call) {
        call.answer(sheets.languages().all().stream().map(t -> new Language(t.tag(), t.name())).toList());
    }

    /**
     * A language of the sheet.
     *
     * @param tag its BCP 47 tag, the value of {@code ?lang=}
     * @param name its name in itself
     */
    public record Language(String tag, String name) {
    }

    /** The unit's default language; English, said in the log, when the language was taken off the list since. */
    private SheetText unitLanguage(PrintSettings unit) {
        return sheets.languages().find(unit.sheetLanguage()).orElseGet(() -> {
            LOG.warn("the unit's sheet language {} is no longer in {}; the sheet is written in {}",
                    unit.sheetLanguage(), SheetLanguages.LIST, sheets.languages().fallback().tag());
            return sheets.languages().fallback();
        });
    }

    private void sheet(Call call) {
        Documents.Asked asked = Documents.asked(call);
        Optional<SheetText> askedLanguage = call.query("lang").map(sheets.languages()::require);
        PrintSettings unit = call.read(settings::current);
        SheetText language = askedLanguage.orElseGet(() -> unitLanguage(unit));
        String id = call.param("id");
        boolean withCost = call.may(CHARGES_READ);
        PatientSheet sheet = call.read(h -> {
            call.concerns(sheets.patientOf(h, id));
            return sheets.sheet(h, id, withCost, language);
        });
        Documents.answer(call, asked, unit.defaultPaper(), () -> SheetHtml.page(sheet, null, "/api/orders/" + id
                + "/patient-sheet?format=pdf&lang=" + language.tag()), paper -> SheetPdf.render(sheet, paper), "patient-sheet.pdf");
    }
}
