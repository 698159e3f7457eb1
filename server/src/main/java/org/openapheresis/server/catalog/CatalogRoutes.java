package org.openapheresis.server.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openapheresis.contract.ProcedureCatalog;
import org.openapheresis.server.access.Permission;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.guideline.Guidelines;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.Route;
import org.openapheresis.server.patient.LabField;
import org.openapheresis.server.session.Vocabulary;

/** {@code GET /api/catalog}. */
public final class CatalogRoutes implements FeatureRoutes {

    private final Map<String, Object> catalog;

    public CatalogRoutes(Guidelines guidelines) {
        Map<String, Object> m = new LinkedHashMap<>(Vocabulary.catalog());
        m.put("procedureTypes", ProcedureCatalog.all());
        m.put("separatorFields", ProcedureCatalog.separatorFields());
        m.put("labs", LabField.all());
        m.put("indications", guidelines.table());
        m.put("roles", Role.codes());
        m.put("nurseSkills", org.openapheresis.server.schedule.Skill.catalog());
        Map<String, String> titles = new LinkedHashMap<>();
        for (org.openapheresis.safety.WarningCode c : org.openapheresis.safety.WarningCode.values()) {
            titles.put(c.name(), c.title());
        }
        m.put("warningTitles", titles);
        this.catalog = java.util.Collections.unmodifiableMap(m);
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/api/catalog", Permission.AUTHENTICATED, "Catalogues: procedure types with their "
                + "dose fields, units, ranges and required labs; lab fields; adverse event types and grades; fluids; "
                + "the indications table; roles; nurses' skills", this::catalog));
    }

    private void catalog(Call call) {
        call.answer(catalog);
    }
}
