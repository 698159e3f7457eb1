package org.openapheresis.server.http;

import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.contract.Node;
import org.openapheresis.server.access.Actor;
import org.openapheresis.server.access.Principal;
import org.openapheresis.server.json.Json;
import org.openapheresis.server.system.AuditTrail;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * One request as a route sees it: the caller, the body (read with the core's {@link Node}, so a problem has one
 * vocabulary everywhere), path and query parameters, and a transaction for the service call with the audit entry
 * in it.
 */
public final class Call {

    static final String AUDITED = "openapheresis.audited";
    static final String PATIENT = "openapheresis.patient";
    static final String ACTOR = "openapheresis.actor";

    private final Context ctx;
    private final Principal who;
    private final Route route;
    private final AuditTrail audit;
    private final Jdbi jdbi;
    private final ZoneId zone;

    Call(Context ctx, Principal who, Route route, AuditTrail audit, Jdbi jdbi, ZoneId zone) {
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

    /** The signed-in caller as the services know them. */
    public Actor actor() {
        return who.actor();
    }

    public Context ctx() {
        return ctx;
    }

    /** The unit's time zone (date-times given without an offset are local to it). */
    public ZoneId zone() {
        return zone;
    }

    /** The parsed body as a JSON tree (400 when it is not JSON). */
    public Object tree() {
        return Json.parse(ctx.body());
    }

    /** The body as an object whose fields are read and checked; anything else is a 422 at once. */
    public Node body() {
        List<Problem> problems = new ArrayList<>();
        Optional<Node> n = Node.root(tree(), problems);
        if (n.isEmpty()) {
            throw new org.openapheresis.system.InvalidInputException("the request body must be a JSON object",
                    problems);
        }
        return n.get();
    }

    /** The body, or empty when none was sent (routes with an optional body). */
    public Optional<Node> optionalBody() {
        return ctx.body().isBlank() ? Optional.empty() : Optional.of(body());
    }

    /**
     * For routes that take no body: an empty body or {@code {}} is fine; malformed JSON is 400 and any field is
     * 422, so a client that sends something meaningful learns it was not read.
     */
    public void noBody() {
        if (ctx.body().isBlank()) {
            return;
        }
        Node n = body();
        n.rejectUnknown();
        n.throwIfProblems();
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

    /** The length of a record id (a UUID), as the audit log's patient column holds it. */
    static final int MAX_ID_LENGTH = 36;

    /** Names the patient the call concerns, for the audit entry. */
    public void concerns(String patientId) {
        concerns(ctx, patientId);
    }

    /**
     * Names the patient for the audit entry, unless the text is too long to be a record's id: then the entry names
     * none (a cut text could name another patient) and its path still shows what was asked for.
     */
    static void concerns(Context ctx, String patientId) {
        ctx.attribute(PATIENT, patientId != null && patientId.length() <= MAX_ID_LENGTH ? patientId : null);
    }

    /** Reads in one handle (no transaction needed for a single consistent read). */
    public <T> T read(Function<Handle, T> work) {
        return jdbi.withHandle(work::apply);
    }

    /**
     * Runs a write in one transaction with its audit entry; the entry is only there when the write commits. The
     * work names the patient concerned with {@link #concerns(String)} as soon as it knows it.
     */
    public <T> T write(Function<Handle, T> work) {
        T result = jdbi.inTransaction(h -> {
            T r = work.apply(h);
            audit.append(h, who.username(), route.signature(), ctx.path(), ctx.attribute(PATIENT), "success");
            return r;
        });
        ctx.attribute(AUDITED, Boolean.TRUE);
        return result;
    }

    /**
     * A further audit entry inside a write's transaction ({@link #write}), for what the route's own entry does not
     * say, e.g. which warnings a session start acknowledged.
     */
    public void auditDetail(Handle h, String action, String resource) {
        audit.append(h, who.username(), action, resource, ctx.attribute(PATIENT), "success");
    }

    /** Answers with the route's success status. */
    public void answer(Object body) {
        ctx.status(route.status()).json(body);
    }

    /** The version the client last saw: the {@code If-Match} header, else empty. */
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

    /**
     * The version being edited: {@code If-Match} or the body's {@code version}; a 422 naming {@code version} when
     * neither is given.
     */
    public int requireVersion(Optional<Integer> fromBody) {
        return ifMatch().or(() -> fromBody).orElseThrow(() -> new org.openapheresis.system.InvalidInputException(
                "the version you edited is needed", List.of(Problem.of("version", MessageKey.REQUIRED_WHEN,
                        "(or send the If-Match header)"))));
    }
}
