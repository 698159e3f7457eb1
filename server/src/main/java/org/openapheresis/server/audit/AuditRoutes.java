package org.openapheresis.server.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FieldProblem;
import org.openapheresis.server.http.Fields;
import org.openapheresis.server.http.HttpProblem;

/** {@code GET /api/audit} and {@code GET /api/audit/verify} (admin only). */
public final class AuditHandlers {

    /** Most entries returned by one call. */
    public static final int MAX_ENTRIES = 1000;

    private final AuditLog log;

    public AuditHandlers(AuditLog log) {
        this.log = log;
    }

    public void list(Call call) {
        Optional<Instant> since = call.query("since").map(s -> Fields.parseTime(s, call.zone())
                .or(() -> {
                    try {
                        return Optional.of(java.time.LocalDate.parse(s).atStartOfDay(call.zone()).toInstant());
                    } catch (java.time.format.DateTimeParseException e) {
                        return Optional.empty();
                    }
                })
                .orElseThrow(() -> HttpProblem.invalid("bad query", List.of(new FieldProblem("since",
                        "NOT_A_DATE_TIME", s + " is not an ISO date or date-time")))));
        List<AuditEntry> entries = log.entries(call.query("patientId"), since, MAX_ENTRIES);
        call.answer(entries);
    }

    public void verify(Call call) {
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
