package org.openapheresis.server.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openapheresis.server.json.MalformedJsonException;
import org.openapheresis.server.system.DomainException;
import org.openapheresis.system.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's one error translator: every failure becomes a JSON problem body {@code {"title", "status", ...}}.
 * A 422 lists {@code problems} as {@code {"field", "key", "message", "value"}}; a refusal of the domain carries
 * its stable {@code key} and details (e.g. {@code currentVersion}); an unexpected failure is logged with an
 * incident id and answered 500 with that id only, never a stack trace or SQL text.
 */
public final class ErrorTranslator {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorTranslator.class);

    private ErrorTranslator() {
    }

    public static Map<String, Object> body(int status, String title) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("status", status);
        return m;
    }

    /** The status Jetty gave a request it refused while reading it (a body over the size limit, a bad chunk). */
    private static java.util.Optional<Integer> jettyStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.HttpException h) {
                return java.util.Optional.of(h.getCode());
            }
        }
        return java.util.Optional.empty();
    }

    /** The HTTP status of a domain refusal. */
    static int status(DomainException d) {
        return switch (d.refusal().kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case TOO_MANY_ATTEMPTS -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    static void handle(Exception e, Context ctx) {
        java.util.Optional<Integer> jetty = jettyStatus(e);
        if (jetty.isPresent() && jetty.get() == 413) {
            Map<String, Object> b = body(413, "the request body is larger than " + HttpApp.MAX_REQUEST_BYTES
                    + " bytes");
            b.put("maxBytes", HttpApp.MAX_REQUEST_BYTES);
            ctx.header("Connection", "close");
            ctx.status(413).json(b);
        } else if (jetty.isPresent() && jetty.get() >= 400 && jetty.get() < 500) {
            ctx.status(jetty.get()).json(body(jetty.get(), "the request could not be read"));
        } else if (e instanceof HttpProblem p) {
            Map<String, Object> m = body(p.status(), p.getMessage());
            m.putAll(p.extra());
            if (p.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer");
            }
            ctx.status(p.status()).json(m);
        } else if (e instanceof DomainException d) {
            int status = status(d);
            Map<String, Object> m = body(status, d.getMessage());
            m.put("key", d.refusal().name());
            m.putAll(d.details());
            if (status == 401) {
                ctx.header("WWW-Authenticate", "Bearer");
            }
            if (status == 429 && d.details().get("retryAfterSeconds") instanceof Number wait) {
                ctx.header("Retry-After", Long.toString(wait.longValue()));
            }
            ctx.status(status).json(m);
        } else if (e instanceof MalformedJsonException m) {
            Map<String, Object> b = body(400, "malformed JSON");
            b.put("detail", m.getMessage());
            ctx.status(400).json(b);
        } else if (e instanceof InvalidInputException inv) {
            Map<String, Object> b = body(422, inv.summary());
            List<FieldProblem> problems = inv.problems().stream().map(FieldProblem::of).toList();
            b.put("problems", problems);
            ctx.status(422).json(b);
        } else if (e instanceof HttpResponseException h) {
            ctx.status(h.getStatus()).json(body(h.getStatus(), h.getMessage()));
        } else {
            String incident = UUID.randomUUID().toString();
            LOG.error("incident {} on {} {}", incident, ctx.method(), ctx.path(), e);
            Map<String, Object> b = body(500, "internal error; the incident was logged");
            b.put("incident", incident);
            ctx.status(500).json(b);
        }
    }
}
