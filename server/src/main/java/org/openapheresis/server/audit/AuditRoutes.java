package org.openapheresis.server.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openapheresis.contract.Node;
import org.openapheresis.server.access.Permission;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.Route;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/** {@code GET /api/audit} and {@code GET /api/audit/verify} (admin only). */
public final class AuditRoutes implements FeatureRoutes {

    /** Most entries returned by one call. */
    public static final int MAX_ENTRIES = 1000;

    private final AuditLog log;

    public AuditRoutes(AuditLog log) {
        this.log = log;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/api/audit", Permission.AUDIT_READ, "Audit entries (?patientId=&since=)", this::list),
                Route.get("/api/audit/verify", Permission.AUDIT_READ, "Recompute the audit hash chain", this::verify));
    }

    private void list(Call call) {
        Optional<Instant> since = call.query("since").map(s -> Node.parseTime(s, call.zone())
                .or(() -> {
                    try {
                        return Optional.of(java.time.LocalDate.parse(s).atStartOfDay(call.zone()).toInstant());
                    } catch (java.time.format.DateTimeParseException e) {
                        return Optional.empty();
                    }
                })
                .orElseThrow(() -> new InvalidInputException("bad query", List.of(Problem.of("since",
                        MessageKey.NOT_A_DATE_TIME, s)))));
        call.answer(log.entries(call.idQuery("patientId"), since, MAX_ENTRIES));
    }

    private void verify(Call call) {
        AuditLog.Verification v = log.verify();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("valid", v.valid());
        body.put("entries", v.entries());
        if (v.firstBadSeq() != null) {
            body.put("firstBadEntry", v.firstBadSeq());
        }
        call.answer(body);
    }
}
