package org.openapheresis.server.http;

import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.audit.AuditLog;
import org.openapheresis.server.auth.Principal;
import org.openapheresis.server.json.Json;

/**
 * One request as a handler sees it: the caller, the body, path and query parameters, and a way to write to the
 * database with the audit entry in the same transaction.
 */
public final class Call {

    static final String AUDITED = "openapheresis.audited";
    static final String PATIENT = "openapheresis.patient";
    static final String ACTOR = "openapheresis.actor";

    private final Context ctx;
    private final Principal who;
    private final Route route;
    private final AuditLog audit;
    private final Jdbi jdbi;
    private final ZoneId zone;

    Call(Context ctx, Principal who, Route route, AuditLog audit, Jdbi jdbi, ZoneId zone) {
        this.ctx = ctx;
        this.who = who;
        this.route = route;
        this.audit = audit;
        this.jdbi = jdbi;
        this.zone = zone;
    }

    public Principal who() {
        return who;
    }

    public Context ctx() {
        return ctx;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The parsed body (400 when it is not JSON). */
    public Object tree() {
        return Json.parse(ctx.body());
    }

    /** The body as an object whose fields are checked. */
    public Fields fields() {
        return Fields.of(tree(), zone);
    }

    /**
     * For routes that take no body: an empty body or {@code {}} is fine; malformed JSON is 400 and any field is
     * 422, so a client that sends something meaningful learns it was not read.
     */
    public void noFields() {
        if (ctx.body().isBlank()) {
            return;
        }
        Fields f = fields();
        f.rejectUnknown();
        f.throwIfProblems("this request takes no fields");
    }

    public String param(String name) {
        return ctx.pathParam(name);
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(s -> !s.isBlank());
    }

    /** Names who the audit entry is about when nobody is logged in yet (a login attempt's user name). */
    public void actor(String username) {
        ctx.attribute(ACTOR, username);
    }

    /** Names the patient the call concerns, for the audit entry. */
    public void concerns(String patientId) {
        ctx.attribute(PATIENT, patientId);
    }

    /**
     * Runs a write in one transaction with its audit entry; the entry is only there when the write commits.
     *
     * @param patientId the patient concerned, or null (the work may name it with {@link #concerns(String)})
     */
    public <T> T write(String patientId, Function<Handle, T> work) {
        if (patientId != null) {
            concerns(patientId);
        }
        T result = jdbi.inTransaction(h -> {
            T r = work.apply(h);
            audit.append(h, who.username(), route.signature(), ctx.path(), ctx.attribute(PATIENT), "success");
            return r;
        });
        ctx.attribute(AUDITED, Boolean.TRUE);
        return result;
    }

    /**
     * A further audit entry inside a write's transaction ({@link #write}), for what the route's own entry
     * does not say, e.g. which warnings a session start acknowledged.
     */
    public void auditDetail(Handle h, String action, String resource) {
        audit.append(h, who.username(), action, resource, ctx.attribute(PATIENT), "success");
    }

    /** Answers with the route's success status. */
    public void answer(Object body) {
        ctx.status(route.status()).json(body);
    }

    /** The version the client last saw: {@code If-Match} header or the body's {@code version}. */
    public Optional<Integer> ifMatch() {
        String h = ctx.header("If-Match");
        if (h == null || h.isBlank()) {
            return Optional.empty();
        }
        String v = h.strip().replace("W/", "").replace("\"", "");
        try {
            return Optional.of(Integer.parseInt(v));
        } catch (NumberFormatException e) {
            throw new HttpProblem(400, "If-Match must be a record version number", java.util.Map.of());
        }
    }
}
