package org.openapheresis.server.therapy;

import static org.openapheresis.server.access.Permission.FOLLOWUP_READ;
import static org.openapheresis.server.access.Permission.PRODUCTS_READ;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.Route;

/**
 * {@code /api/patients/{id}/therapy}: the chain of identity of a patient's cell therapy as one timeline, oldest first
 * (orders, collections, every product event, the DLI schedule, follow-up visits for the roles that read them).
 */
public final class TherapyRoutes implements FeatureRoutes {

    private final TherapyService therapy;

    public TherapyRoutes(TherapyService therapy) {
        this.therapy = therapy;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/api/patients/{id}/therapy", PRODUCTS_READ, "The chain of identity of the patient's "
                + "cell therapy as one timeline, oldest first: the collection orders and signatures, the collections, "
                + "every event of every product the patient gave or received (processing, storage, issue, infusion "
                + "with dose and bedside observations), the DLI schedule with skipped and coming doses, and the "
                + "follow-up visits (for the roles that read them); with the donors and recipients involved",
                this::timeline).audit());
    }

    private void timeline(Call call) {
        String patientId = call.param("id");
        call.concerns(patientId);
        TherapyService.Timeline t = call.read(h -> therapy.timeline(h, patientId, call.may(FOLLOWUP_READ)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("patientId", t.patientId());
        m.put("people", t.people());
        m.put("followUpsIncluded", call.may(FOLLOWUP_READ));
        m.put("entries", t.entries().stream().map(e -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("at", e.at());
            x.put("coming", e.coming());
            x.put("kind", e.kind().code());
            x.put("title", e.title());
            x.put("detail", e.detail());
            x.put("by", e.by().orElse(null));
            x.put("page", e.page());
            return x;
        }).toList());
        call.answer(m);
    }
}
