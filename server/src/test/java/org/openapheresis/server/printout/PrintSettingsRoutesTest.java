package org.openapheresis.server.printout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.OpenApheresisServer;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.DemoUnit;

/**
 * {@code GET/PUT /api/print-settings} on the demo unit: the unit's paper is the paper of every PDF whose request names
 * none (the patient sheet, the plan sheet, the session summary), a request's {@code ?paper=} still wins; only the
 * administrator changes it, versioned and audited; a paper or language that does not exist is a 422 naming its field.
 */
class PrintSettingsRoutesTest {

    private static OpenApheresisServer server;
    private static Api api;
    private static String admin;
    private static String physician;
    private static String orderId;
    private static String sessionId;

    @BeforeAll
    static void start() {
        DemoUnit demo = DemoUnit.start();
        server = demo.server();
        api = demo.api();
        admin = api.login("admin", Databases.ADMIN_PASSWORD);
        physician = api.login("dr.lindqvist", demo.staffPassword());
        orderId = api.get("/api/orders", physician).list().get(0).get("id").toString();
        sessionId = api.get("/api/sessions", physician).list().stream()
                .filter(s -> "completed".equals(s.get("status"))).findFirst().orElseThrow().get("id").toString();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The width of the PDF's first page, mm. */
    private static double widthMm(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + server.port() + path)).header("Authorization", "Bearer " + physician).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        try (PDDocument d = Loader.loadPDF(r.body())) {
            return d.getPage(0).getMediaBox().getWidth() / 72.0 * 25.4;
        }
    }

    private static List<String> documents() {
        return List.of("/api/orders/" + orderId + "/patient-sheet?format=pdf", "/api/orders/" + orderId
                + "/plan-sheet?format=pdf", "/api/sessions/" + sessionId + "/summary?format=pdf");
    }

    @Test
    void the_unit_s_paper_is_every_document_s_paper_unless_the_request_names_one() throws Exception {
        Map<String, Object> before = api.get("/api/print-settings", physician).map();
        assertThat(before).containsEntry("paper", "a4").containsEntry("sheetLanguage", "en");
        for (String d : documents()) {
            assertThat(widthMm(d)).as(d + " on the unit's A4").isBetween(209.5, 210.5);
        }
        Api.Answer changed = api.put("/api/print-settings", admin, Map.of("paper", "letter", "sheetLanguage", "en",
                "version", before.get("version")));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.map()).containsEntry("paper", "letter").containsEntry("updatedBy", "admin");
        try {
            for (String d : documents()) {
                assertThat(widthMm(d)).as(d + " on the unit's US Letter").isBetween(215.4, 216.4);
                assertThat(widthMm(d + "&paper=a4")).as(d + " asking for A4").isBetween(209.5, 210.5);
            }
            List<Map<String, Object>> audit = api.get("/api/audit", admin).list();
            assertThat(audit).anySatisfy(e -> {
                assertThat(e.get("action")).isEqualTo("PUT /api/print-settings");
                assertThat(e.get("username")).isEqualTo("admin");
            });
        } finally {
            Map<String, Object> now = api.get("/api/print-settings", admin).map();
            api.put("/api/print-settings", admin, Map.of("paper", "a4", "sheetLanguage", "en", "version",
                    now.get("version")));
        }
    }

    @Test
    void only_the_administrator_changes_them_and_bad_values_and_stale_versions_are_refused() {
        Map<String, Object> now = api.get("/api/print-settings", admin).map();
        Object version = now.get("version");
        assertThat(api.put("/api/print-settings", physician, Map.of("paper", "letter", "sheetLanguage", "en",
                "version", version)).status()).isEqualTo(403);
        Api.Answer legal = api.put("/api/print-settings", admin, Map.of("paper", "legal", "sheetLanguage", "en",
                "version", version));
        assertThat(legal.status()).isEqualTo(422);
        assertThat(legal.body()).contains("\"paper\"").contains("legal");
        Api.Answer klingon = api.put("/api/print-settings", admin, Map.of("paper", "a4", "sheetLanguage", "tlh",
                "version", version));
        assertThat(klingon.status()).isEqualTo(422);
        assertThat(klingon.body()).contains("sheetLanguage").contains("tlh");
        Api.Answer stale = api.put("/api/print-settings", admin, Map.of("paper", "a4", "sheetLanguage", "en",
                "version", ((Number) version).intValue() + 5));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(api.get("/api/print-settings", admin).map()).containsEntry("version", version);
    }
}
