package org.openapheresis.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundServletTest {

    private Server server;

    private URI serve(BackgroundServlet servlet) throws Exception {
        server = new Server(0);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(servlet), "/slow/*");
        server.setHandler(context);
        server.start();
        return URI.create("http://localhost:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/slow/x");
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    /** Answers 200 with the path it was given, once it has been initialised by the container. */
    static final class Echo extends HttpServlet {
        private static final long serialVersionUID = 1L;
        volatile boolean initialised;

        @Override
        public void init() {
            initialised = true;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            res.setStatus(initialised ? 200 : 500);
            res.getWriter().write(req.getPathInfo());
        }
    }

    @Test
    void a_request_before_the_servlet_is_built_waits_for_it_and_is_answered_by_it_initialised() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BackgroundServlet slow = new BackgroundServlet("slow", () -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Echo();
        });
        URI uri = serve(slow); // the container is up while the servlet is still being built
        assertThat(slow.isReady()).isFalse();
        CompletableFuture<HttpResponse<String>> answer = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);
        assertThat(answer).as("it waits rather than answering early").isNotDone();
        release.countDown();
        HttpResponse<String> r = answer.get(20, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("/x");
        assertThat(slow.isReady()).isTrue();
    }

    @Test
    void a_servlet_that_cannot_be_built_answers_503_with_retry_after_instead_of_a_silent_404() throws Exception {
        BackgroundServlet broken = new BackgroundServlet("broken", () -> {
            throw new IllegalStateException("no context");
        });
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(serve(broken)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).contains("5");
        assertThat(r.body()).contains("broken is starting or could not start");
        assertThat(broken.isReady()).isFalse();
    }
}
