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
    /** Further patients an audited read shows, each named by an audit entry of its own. */
    static final String ALSO = "openapheresis.alsoPatients";
    static final String ACTOR = "openapheresis.actor";

    private final Context ctx;
    private final Principal who;
    private final Route route;
    private final AuditTrail audit;
    private final Jdbi jdbi;
    private final java.time.Clock clock;

    /** How far a device's or a workstation's clock may run ahead of the server's. */
    public static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);
    /** No clinical record of this unit is older than this. */
    public static final java.time.Instant EARLIEST_RECORD = java.time.Instant.parse("1900-01-01T00:00:00Z");
    /** How far back a session may be booked (one that already began today), and how far ahead. */
    public static final java.time.Duration BOOK_BACK = java.time.Duration.ofHours(12);
    public static final java.time.Duration BOOK_AHEAD = java.time.Duration.ofDays(2 * 366);

    private final org.openapheresis.server.access.AccessPolicy policy;

    private final SharedWrites shared;

    Call(Context ctx, Principal who, Route route, AuditTrail audit, Jdbi jdbi, SharedWrites shared,
            java.time.Clock clock, org.openapheresis.server.access.AccessPolicy policy) {
        this.shared = shared;
        this.policy = policy;
        this.ctx = ctx;
        this.who = who;
        this.route = route;
        this.audit = audit;
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Principal who() {
        return who;
    }

    /** True when the caller's role holds the permission (a route that answers more to some roles). */
    public boolean may(org.openapheresis.server.access.Permission p) {
        return who.role() != null && policy.allows(who.role(), p);
    }

    /** The signed-in caller as the services know them. */
    public Actor actor() {
        return who.actor();
    }

    public Context ctx() {
        return ctx;
    }

    /** Now, on the server's clock (the one every record is timed by). */
    public java.time.Instant now() {
        return clock.instant();
    }

    /** The unit's time zone (date-times given without an offset are local to it). */
    public ZoneId zone() {
        return clock.getZone();
    }

    /**
     * A time something happened (a sample taken, a value measured): not after now beyond {@link #CLOCK_SKEW},
     * not before {@link #EARLIEST_RECORD}; a problem of the field otherwise.
     */
    public Optional<java.time.Instant> pastTime(Node f, String key, boolean required) {
        Optional<java.time.Instant> t = f.time(key, required, zone());
        java.time.Instant now = clock.instant();
        if (t.isPresent() && t.get().isAfter(now.plus(CLOCK_SKEW))) {
            f.add(key, MessageKey.IN_THE_FUTURE, t.get());
            return Optional.empty();
        }
        if (t.isPresent() && t.get().isBefore(EARLIEST_RECORD)) {
            f.add(key, MessageKey.OUT_OF_RANGE, t.get(), EARLIEST_RECORD, now);
            return Optional.empty();
        }
        return t;
    }

    /** A time something is planned for: from {@link #BOOK_BACK} ago to {@link #BOOK_AHEAD} ahead. */
    public Optional<java.time.Instant> plannedTime(Node f, String key, boolean required) {
        Optional<java.time.Instant> t = f.time(key, required, zone());
        java.time.Instant now = clock.instant();
        java.time.Instant earliest = now.minus(BOOK_BACK).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        java.time.Instant latest = now.plus(BOOK_AHEAD).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        if (t.isPresent() && (t.get().isBefore(earliest) || t.get().isAfter(latest))) {
            f.add(key, MessageKey.OUT_OF_RANGE, t.get(), earliest, latest);
            return Optional.empty();
        }
        return t;
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

    /**
     * A query parameter that names a record: a record id, or a 422 naming it (an id too long for any column, or
     * with characters no id has, would otherwise reach the database and the audit entry).
     */
    public Optional<String> idQuery(String name) {
        Optional<String> v = query(name);
        if (v.isPresent() && !org.openapheresis.server.db.Ids.isId(v.get())) {
            throw new org.openapheresis.system.InvalidInputException("bad query", List.of(Problem.of(name,
                    MessageKey.INVALID, "is not a record id (a UUID)")));
        }
        return v;
    }

    /** Longest query parameter value read, characters. */
    public static final int MAX_QUERY_LENGTH = 200;

    /**
     * A query parameter, checked as record text is (no NUL, control, unpaired surrogate or direction character;
     * at most {@link #MAX_QUERY_LENGTH} characters): a 422 naming it otherwise.
     */
    public Optional<String> query(String name) {
        Optional<String> v = Optional.ofNullable(ctx.queryParam(name)).filter(s -> !s.isBlank());
        if (v.isPresent()) {
            Optional<Problem> bad = v.get().length() > MAX_QUERY_LENGTH
                    ? Optional.of(Problem.of(name, MessageKey.TOO_LONG, MAX_QUERY_LENGTH))
                    : Node.badCharacter(name, v.get(), false);
            if (bad.isPresent()) {
                throw new org.openapheresis.system.InvalidInputException("bad query", List.of(bad.get()));
            }
        }
        return v;
    }

    /** An ISO date query parameter ({@code ?from=2026-03-02}): empty when absent, a 422 naming it when it is no date. */
    public Optional<java.time.LocalDate> dateQuery(String name) {
        Optional<String> q = query(name);
        try {
            return q.map(java.time.LocalDate::parse);
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.openapheresis.system.InvalidInputException("bad query", List.of(Problem.of(name,
                    MessageKey.NOT_A_DATE, q.get())));
        }
    }

    /**
     * A whole-number query parameter in a range ({@code ?uncertainty=500}): empty when absent, a 422 naming it when
     * it is not a whole number or lies outside.
     */
    public java.util.OptionalInt wholeNumberQuery(String name, org.openapheresis.system.Range range) {
        Optional<String> q = query(name);
        if (q.isEmpty()) {
            return java.util.OptionalInt.empty();
        }
        int n;
        try {
            n = Integer.parseInt(q.get().strip());
        } catch (NumberFormatException e) {
            throw new org.openapheresis.system.InvalidInputException("bad query", List.of(Problem.of(name,
                    MessageKey.WRONG_TYPE, "a whole number", q.get())));
        }
        range.require(name, n);
        return java.util.OptionalInt.of(n);
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
     * Names a further patient whose record an audited read shows (a donor's charges in the recipient's list): the
     * read gets one more audit entry, naming that patient, beside the one naming {@link #concerns(String)}'s.
     */
    public void alsoConcerns(String patientId) {
        if (patientId == null || patientId.length() > MAX_ID_LENGTH) {
            return;
        }
        java.util.Set<String> also = ctx.attribute(ALSO);
        if (also == null) {
            also = new java.util.LinkedHashSet<>();
            ctx.attribute(ALSO, also);
        }
        also.add(patientId);
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
     * Like {@link #write}, for the writes a machine streams (run values): the write shares one transaction and one
     * commit with the others waiting at that moment ({@link SharedWrites}), and answers only once it has committed
     * with its audit entry. {@code check} reads what it needs and refuses without writing (it names the patient
     * with {@link #concerns(String)} as soon as it knows it); the {@link CheckedWrite} it returns makes the
     * statements.
     */
    public <T> T writeTogether(Function<Handle, org.openapheresis.server.system.CheckedWrite<T>> check) {
        String username = who.username();
        String action = route.signature();
        String resource = ctx.path();
        T result = shared.commit(check, () -> new AuditTrail.Entry(username, action, resource, ctx.attribute(PATIENT),
                "success"));
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

    /**
     * Answers with the route's success status. The body is written by the contract's mapper straight to UTF-8
     * bytes: through a {@code String} (Javalin's {@code json}) a plan's text was built as UTF-16 characters, its
     * units' non-Latin letters widening every character, and then encoded again.
     */
    public void answer(Object body) {
        byte[] bytes;
        try {
            bytes = Json.mapper().writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
        ctx.status(route.status()).contentType(io.javalin.http.ContentType.APPLICATION_JSON).result(bytes);
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
