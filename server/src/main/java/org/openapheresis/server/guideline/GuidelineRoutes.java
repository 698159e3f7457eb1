package org.openapheresis.server.guideline;

import java.util.List;
import org.openapheresis.server.access.Permission;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.Route;
import org.openapheresis.server.system.DomainException;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;

/** {@code /api/order-sets}: what choosing a row of the indications table fills into a new order. */
public final class GuidelineRoutes implements FeatureRoutes {

    private final Guidelines guidelines;

    public GuidelineRoutes(Guidelines guidelines) {
        this.guidelines = guidelines;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/api/order-sets", Permission.AUTHENTICATED, "The order set of a guideline row "
                + "(?row=ms-relapse, a row id of the catalogue's indications): the new-order fields its prescription box "
                + "fills, each with the box's words it came from, and the parts of the box no field takes, as text",
                this::orderSet).error(404, "no such row").error(422, "row is missing"));
    }

    private GuidelineRow require(Call call) {
        String id = call.query("row").orElseThrow(() -> InvalidInputException.of("row", MessageKey.REQUIRED));
        return guidelines.row(id).orElseThrow(() -> DomainException.notFound("guideline row"));
    }

    private void orderSet(Call call) {
        call.answer(guidelines.orderSet(require(call)));
    }
}
