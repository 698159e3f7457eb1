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

    private static final Map<String, Object> VERIFY_EXAMPLE = verifyExample();

    private final AuditLog log;

    public AuditRoutes(AuditLog log) {
        this.log = log;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/api/audit", Permission.AUDIT_READ, "Audit entries (?patientId=&since=)", this::list),
                Route.get("/api/audit/verify", Permission.AUDIT_READ, "Verify the audit chain: every entry's MAC "
                        + "under the audit key, the chain head, and every checkpoint of the checkpoint file",
                        this::verify).answers(VERIFY_EXAMPLE));
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
        call.answer(answer(log.verify()));
    }

    /**
     * {@code valid}, {@code entries}, {@code firstBadEntry} (null when none), {@code legacyEntries},
     * {@code lastCheckpoint} ({@code seq}, {@code at}; null when the file has none) and, when invalid, the
     * {@code problem} sentence with its {@code problemKey}.
     */
    static Map<String, Object> answer(AuditLog.Verification v) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("valid", v.valid());
        body.put("entries", v.entries());
        body.put("firstBadEntry", v.firstBadEntry().orElse(null));
        body.put("legacyEntries", v.legacyEntries());
        body.put("lastCheckpoint", v.lastCheckpoint().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seq", c.seq());
            m.put("at", c.at());
            return m;
        }).orElse(null));
        v.problem().ifPresent(p -> {
            body.put("problem", p.message());
            body.put("problemKey", p.key().name());
        });
        return body;
    }

    private static Map<String, Object> verifyExample() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("valid", false);
        m.put("entries", 1832);
        m.put("firstBadEntry", 1204);
        m.put("legacyEntries", 112);
        Map<String, Object> checkpoint = new LinkedHashMap<>();
        checkpoint.put("seq", 1829);
        checkpoint.put("at", "2026-03-02T09:41:00.120Z");
        m.put("lastCheckpoint", checkpoint);
        m.put("problem", ChainBreak.MAC_MISMATCH.format(List.of(1204)));
        m.put("problemKey", ChainBreak.MAC_MISMATCH.name());
        return m;
    }
}
