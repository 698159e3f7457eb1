package org.openapheresis.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.access.AccessPolicy;
import org.openapheresis.server.access.Authenticator;
import org.openapheresis.server.access.Permission;
import org.openapheresis.server.access.Principal;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.json.Json;
import org.openapheresis.system.MessageKey;
import org.openapheresis.server.system.AuditTrail;
import org.openapheresis.server.system.RefusalCounter;

/**
 * Builds the Javalin application from the route table: authentication, the access policy and CSRF check in
 * front of every handler, audit entries for every call to an audited route by a signed-in caller (and for login
 * attempts), a count of the requests refused for want of credentials, the error translator, and the web UI's
 * static files of the classpath folder {@code /web} ({@link WebFiles}).
 */
public final class HttpApp {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HttpApp.class);

    /** Name of the session cookie. */
    public static final String COOKIE = "openapheresis_session";
    /** Header that carries the CSRF token on cookie-authenticated state changes. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final String ROUTED = "openapheresis.routed";

    private final List<Route> routes;
    private final AccessPolicy policy;
    private final Authenticator auth;
    private final AuditTrail audit;
    private final RefusalCounter refusals;
    private final Jdbi jdbi;
    private final java.time.Clock clock;
    /** The transaction writes at a machine's rate share ({@link Call#writeTogether}). */
    private final SharedWrites shared;
    /** Servlets mounted beside the route table, by path spec (the FHIR face at {@code /fhir/*}). */
    private final Map<String, jakarta.servlet.Servlet> servlets;

    /**
     * @param audit where the entries of audited routes go (signed-in callers, and login attempts)
     * @param refusals where requests refused for want of credentials are counted instead of audited
     */
    public HttpApp(List<Route> routes, AccessPolicy policy, Authenticator auth, AuditTrail audit,
            RefusalCounter refusals, Jdbi jdbi, java.time.Clock clock) {
        this(routes, policy, auth, audit, refusals, jdbi, clock, Map.of());
    }

    /**
     * @param servlets servlets served in the same context, by path spec (e.g. {@code /fhir/*}); they do their own
     *     authentication and audit, and are not in the route table (nor in the OpenAPI document)
     */
    public HttpApp(List<Route> routes, AccessPolicy policy, Authenticator auth, AuditTrail audit,
            RefusalCounter refusals, Jdbi jdbi, java.time.Clock clock, Map<String, jakarta.servlet.Servlet> servlets) {
        this.servlets = Map.copyOf(servlets);
        this.routes = List.copyOf(routes);
        this.policy = policy;
        this.auth = auth;
        this.audit = audit;
        this.refusals = refusals;
        this.jdbi = jdbi;
        this.clock = clock;
        this.shared = new SharedWrites(jdbi, audit);
    }

    /** The server listening: its port, and a way to stop it. */
    public static final class Running {
        private final Javalin app;
        private final SharedWrites shared;

        private Running(Javalin app, SharedWrites shared) {
            this.app = app;
            this.shared = shared;
        }

        public int port() {
            return app.port();
        }

        public void stop() {
            app.stop();
            shared.close(); // after the last request: what waits is written first
        }
    }

    /** Largest request body accepted, bytes: counted on the bytes read, whatever the transfer encoding. */
    public static final long MAX_REQUEST_BYTES = 2_000_000L;

    /**
     * The browser protections of every answer: the UI loads nothing from elsewhere and runs no inline script, so
     * a strict policy fits; no framing (clickjacking); no content-type guessing; no referrer leaves the unit.
     */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                    + "frame-ancestors 'none'",
            "X-Frame-Options", "DENY",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cross-Origin-Opener-Policy", "same-origin");

    /** Builds the application and listens on the host and port (port 0 picks a free one). */
    public Running start(String host, int port) {
        return new Running(create().start(host, port), shared);
    }

    Javalin create() {
        ObjectMapper mapper = Json.configure(new ObjectMapper());
        java.nio.file.Path web = WebFiles.folder("web");
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(mapper, false));
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = web.toString();
                sf.location = Location.EXTERNAL;
            });
            cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
            // Jetty counts the bytes of every body as they are read (chunked included) and refuses with 413
            cfg.jetty.modifyServletContextHandler(h -> {
                h.insertHandler(new org.eclipse.jetty.server.handler.SizeLimitHandler(MAX_REQUEST_BYTES, -1));
                h.setErrorHandler(new JsonErrorHandler());
                servlets.forEach((pathSpec, servlet) -> h.addServlet(
                        new org.eclipse.jetty.ee10.servlet.ServletHolder(servlet), pathSpec));
            });
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            cfg.routes.before(ctx -> SECURITY_HEADERS.forEach(ctx::header));
            for (Route r : routes) {
                cfg.routes.addHttpHandler(HandlerType.findOrCreate(r.method().name()), r.path(), ctx -> serve(r, ctx));
            }
            cfg.routes.after(HttpApp::readRestOfBody);
            cfg.routes.exception(Exception.class, ErrorTranslator::handle);
            cfg.routes.error(404, "*", ctx -> {
                if (ctx.path().startsWith("/api") && ctx.attribute(ROUTED) == null) {
                    ctx.json(ErrorTranslator.body(404, "no such resource: " + ctx.path()));
                }
            });
            cfg.routes.error(405, "*", ctx -> ctx.json(ErrorTranslator.body(405, "method not allowed")));
        });
    }

    /**
     * Reads what is left of the request's body before the answer goes out (nothing, when the handler read it). A
     * request refused before its body was read (signed out, wrong role, no such route) was otherwise answered at
     * once and its connection closed with the body still arriving; those bytes then reset the connection, and a
     * client that had not yet read the answer lost it (a 401 became "connection lost"). Bounded by the request
     * size limit: a body over it still ends the connection, as it should.
     */
    static void readRestOfBody(Context ctx) {
        try {
            ctx.req().getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.io.IOException | RuntimeException overLimitOrGone) {
            // too large, or the client went away: the connection closes, which is the right end for either
            LOG.debug("request body not read to its end: {}", overLimitOrGone.toString());
        }
    }

    /**
     * Authenticates, checks the role and the CSRF header, runs the handler and translates what it throws. The
     * call of an audited route is audited, unless it was refused because nobody was signed in: that request did
     * nothing to data and names nobody, so it is counted ({@link RefusalCounter}) rather than put on the audit
     * chain, where a caller without credentials could otherwise add entries naming any patient id at will. A
     * failed login is a public route's answer, not such a refusal: it stays audited.
     */
    private void serve(Route r, Context ctx) throws Exception {
        ctx.attribute(ROUTED, Boolean.TRUE);
        ctx.header("Cache-Control", "no-store");
        Principal who = Principal.ANONYMOUS;
        try {
            if (r.permission() != Permission.PUBLIC) {
                Optional<Principal> caller = authenticate(ctx);
                if (caller.isEmpty()) {
                    refusals.count(r.signature(), presentsCredentials(ctx) ? RefusalCounter.Reason.BAD_CREDENTIALS
                            : RefusalCounter.Reason.NO_CREDENTIALS);
                    ErrorTranslator.handle(HttpProblem.unauthorized(), ctx);
                    return;
                }
                who = caller.get();
                if (r.path().startsWith("/api/patients/{id}")) {
                    Call.concerns(ctx, ctx.pathParam("id")); // so a refused attempt names the patient too
                }
                if (!policy.allows(who.role(), r.permission())) {
                    throw HttpProblem.forbidden("your role (" + who.role().code() + ") may not do this");
                }
                if (who.viaCookie() && r.changesState()
                        && !sameSecret(ctx.header(CSRF_HEADER), who.csrfToken())) {
                    throw HttpProblem.forbidden("missing or wrong " + CSRF_HEADER + " header");
                }
            }
            for (Map.Entry<String, String> p : ctx.pathParamMap().entrySet()) {
                if (!Ids.isId(p.getValue())) {
                    throw new HttpProblem(404, "no such record: " + p.getKey() + " is not a record id", Map.of(
                            "problems", List.of(new FieldProblem(p.getKey(), MessageKey.INVALID.name(),
                                    "is not a record id (a UUID)"))));
                }
            }
            r.handler().handle(new Call(ctx, who, r, audit, jdbi, shared, clock, policy));
        } catch (Exception e) {
            ErrorTranslator.handle(e, ctx);
        }
        if (r.audited() && ctx.attribute(Call.AUDITED) == null) {
            String patient = ctx.attribute(Call.PATIENT);
            String actor = ctx.attribute(Call.ACTOR);
            String by = actor != null ? "login:" + actor : who.username();
            audit.append(by, r.signature(), ctx.path(), patient, Integer.toString(ctx.statusCode()));
            java.util.Set<String> also = ctx.attribute(Call.ALSO);
            if (also != null) {
                for (String other : also) {
                    if (!other.equals(patient)) {
                        audit.append(by, r.signature(), ctx.path(), other, Integer.toString(ctx.statusCode()));
                    }
                }
            }
        }
    }

    /** True when the request carries a bearer token or a session cookie (valid or not). */
    private static boolean presentsCredentials(Context ctx) {
        String header = ctx.header("Authorization");
        String cookie = ctx.cookie(COOKIE);
        return header != null && !header.isBlank() || cookie != null && !cookie.isBlank();
    }

    /** Compares two secrets in constant time. */
    public static boolean sameSecret(String a, String b) {
        return a != null && b != null && java.security.MessageDigest.isEqual(
                a.getBytes(java.nio.charset.StandardCharsets.UTF_8), b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The caller from the bearer token or, failing that, the session cookie. */
    private Optional<Principal> authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.authenticate(header.substring(7).strip(), false);
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie != null && !cookie.isBlank()) {
            return auth.authenticate(cookie, true);
        }
        return Optional.empty();
    }

    public List<Route> routes() {
        return routes;
    }
}
