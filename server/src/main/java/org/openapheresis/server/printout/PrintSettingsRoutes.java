package org.openapheresis.server.printout;

import static org.openapheresis.server.access.Permission.AUTHENTICATED;
import static org.openapheresis.server.access.Permission.RESOURCES_MANAGE;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.openapheresis.contract.Node;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.Route;
import org.openapheresis.system.Range;

/**
 * {@code GET/PUT /api/print-settings}: the paper the unit's PDFs are laid out on and the language its patient sheets
 * are written in, when a request names neither. Read by everyone signed in (the order page labels its print buttons
 * by them); changed by the administrator, audited.
 */
public final class PrintSettingsRoutes implements FeatureRoutes {

    private final PrintSettingsService settings;

    public PrintSettingsRoutes(PrintSettingsService settings) {
        this.settings = settings;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/api/print-settings", AUTHENTICATED, "The unit's settings for its printed documents: "
                        + "paper (a4 or letter), the paper of a PDF whose request names none; sheetLanguage, the "
                        + "language of a patient sheet whose request names none", this::read),
                Route.put("/api/print-settings", RESOURCES_MANAGE, "Replace the unit's settings for its printed "
                        + "documents (version required)", Map.of("paper", "letter", "sheetLanguage", "en", "version",
                                1), this::update).audit()
                        .error(409, "stale version (the current settings are in the answer)")
                        .error(422, "paper neither a4 nor letter, or sheetLanguage not a language the sheet is "
                                + "written in"));
    }

    private void read(Call call) {
        call.answer(call.read(settings::current));
    }

    private void update(Call call) {
        Node f = call.body();
        Optional<String> paper = f.text("paper", true, 10);
        Optional<String> language = f.text("sheetLanguage", true, 35);
        OptionalInt version = f.integer("version", Range.of(1, Integer.MAX_VALUE), true);
        f.allow("updatedAt", "updatedBy");
        f.rejectUnknown();
        f.throwIfProblems();
        call.answer(call.write(h -> settings.update(h, call.actor(), paper.orElseThrow(), language.orElseThrow(),
                version.getAsInt())));
    }
}
