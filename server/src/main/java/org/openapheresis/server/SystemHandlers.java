package org.openapheresis.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.openapheresis.server.auth.AccessPolicy;
import org.openapheresis.server.db.Database;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.HttpProblem;
import org.openapheresis.server.http.OpenApi;
import org.openapheresis.server.http.Route;

/** Health and the OpenAPI document. */
public final class SystemHandlers {

    private final Database db;
    private final Supplier<List<Route>> routes;
    private final AccessPolicy policy;
    private final String version;
    private final org.openapheresis.server.guideline.Guidelines guidelines;

    public SystemHandlers(Database db, Supplier<List<Route>> routes, AccessPolicy policy, String version,
            org.openapheresis.server.guideline.Guidelines guidelines) {
        this.guidelines = guidelines;
        this.db = db;
        this.routes = routes;
        this.policy = policy;
        this.version = version;
    }

    public void health(Call call) {
        if (!db.reachable()) {
            throw new HttpProblem(503, "the database is not reachable", Map.of());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "up");
        body.put("database", db.vendor());
        body.put("version", version);
        call.answer(body);
    }

    public void catalog(Call call) {
        Map<String, Object> body = new LinkedHashMap<>(org.openapheresis.server.session.SessionHandlers.catalog());
        body.put("procedureTypes", org.openapheresis.procedure.ProcedureType.codes());
        body.put("labs", org.openapheresis.server.patient.LabField.all());
        body.put("indications", guidelines.table());
        body.put("roles", org.openapheresis.server.auth.Role.codes());
        call.answer(body);
    }

    public void openApi(Call call) {
        call.answer(OpenApi.document(routes.get(), policy, version));
    }
}
