package org.openapheresis.server.http;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A servlet that is built and initialised on a thread of its own while the rest of the server starts, so that the
 * API is served without waiting for it (the FHIR face: HAPI's context and provider scan take seconds of a cold
 * start). A request that arrives before it is ready waits for it, at most {@link #READY_WAIT}; after that, or when
 * building it failed, the answer is 503 with {@code Retry-After} and the failure is logged, never a silent 404.
 */
public final class BackgroundServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BackgroundServlet.class);

    /** Longest a request waits for the servlet to be ready before it is answered 503. */
    public static final Duration READY_WAIT = Duration.ofSeconds(30);

    private final String name;
    private final transient CompletableFuture<Servlet> built;
    private transient volatile CompletableFuture<Servlet> ready;

    /**
     * Starts building the servlet at once, on a daemon thread named {@code name}.
     *
     * @param make builds the servlet (its constructor's work)
     */
    public BackgroundServlet(String name, Supplier<? extends Servlet> make) {
        this.name = name;
        this.built = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                built.complete(make.get());
            } catch (RuntimeException | Error e) {
                built.completeExceptionally(e);
            }
        }, name + "-start");
        t.setDaemon(true);
        t.start();
    }

    /** Initialises the built servlet with the container's configuration, on the building thread's heels. */
    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        ready = built.thenApplyAsync(s -> {
            try {
                s.init(config);
                LOG.info("{} is ready", name);
                return s;
            } catch (ServletException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        ready.whenComplete((s, e) -> {
            if (e != null) {
                LOG.error("{} could not start: it answers 503", name, e);
            }
        });
    }

    /** True once the servlet is built and initialised (health checks, tests). */
    public boolean isReady() {
        CompletableFuture<Servlet> r = ready;
        return r != null && r.isDone() && !r.isCompletedExceptionally();
    }

    /** Waits until the servlet is ready (tests and a start that wants everything up). */
    public void awaitReady(Duration wait) throws ServletException {
        delegate(wait);
    }

    private Servlet delegate(Duration wait) throws ServletException {
        CompletableFuture<Servlet> r = ready;
        if (r == null) {
            throw new ServletException(name + " is not initialised by its container");
        }
        try {
            return r.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException(name + ": interrupted while waiting for it to start", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ServletException(name + " is not available", e);
        }
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws ServletException, IOException {
        Servlet s;
        try {
            s = delegate(READY_WAIT);
        } catch (ServletException e) {
            res.setStatus(503);
            res.setHeader("Retry-After", "5");
            res.setHeader("Cache-Control", "no-store");
            res.setContentType("application/json");
            res.getOutputStream().write(("{\"status\":503,\"message\":\"" + name + " is starting or could not start;"
                    + " try again shortly\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        s.service(req, res);
    }

    /** Destroys the servlet once it has finished starting (a stop during the start waits for it). */
    @Override
    public void destroy() {
        CompletableFuture<Servlet> r = ready;
        if (r != null) {
            try {
                r.get(READY_WAIT.toMillis(), TimeUnit.MILLISECONDS).destroy();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("{} did not start, so there is nothing to stop", name);
            }
        }
        super.destroy();
    }
}
