package org.openapheresis.server.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.openapheresis.server.access.AccessPolicy;
import org.openapheresis.server.access.Permission;
import org.openapheresis.server.db.Database;

/** The HTTP surface's own routes: health and the OpenAPI document generated from the composed table. */
public final class SystemRoutes implements FeatureRoutes {

    private final Database db;
    private final Supplier<List<Route>> table;
    private final AccessPolicy policy;
    private final String version;

    public SystemRoutes(Database db, Supplier<List<Route>> table, AccessPolicy policy, String version) {
        this.db = db;
        this.table = table;
        this.policy = policy;
        this.version = version;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/api/health", Permission.PUBLIC, "Liveness and database reachability", this::health)
                        .error(503, "the database is not reachable"),
                Route.get("/api/openapi.json", Permission.PUBLIC, "This API's OpenAPI 3 document", this::openApi));
    }

    private void health(Call call) {
        if (!db.reachable()) {
            throw new HttpProblem(503, "the database is not reachable", Map.of());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "up");
        body.put("database", db.vendor());
        body.put("version", version);
        call.answer(body);
    }

    private void openApi(Call call) {
        call.answer(OpenApi.document(table.get(), policy, version));
    }
}
