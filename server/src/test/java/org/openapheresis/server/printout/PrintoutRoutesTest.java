package org.openapheresis.server.printout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.OpenApheresisServer;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.DemoUnit;
import org.openapheresis.server.support.PrintedPdf;

/**
 * {@code GET /api/orders/{id}/plan-sheet} and {@code GET /api/sessions/{id}/summary} on the demo unit (the real server
 * on a random port): HTML or PDF by Accept or {@code ?format}; every phrase of the page is in the PDF and no glyph
 * lies outside the page at A4 or at US Letter; every figure has its unit; text is escaped; audited as reads of the
 * patient; closed to the roles that may not read orders (plan sheet) or the session's clinical record (summary).
 */
class PrintoutRoutesTest {

    private static final double A4_WIDTH_MM = 210;
    private static final double A4_HEIGHT_MM = 297;
    private static final double LETTER_WIDTH_MM = 215.9;
    private static final double LETTER_HEIGHT_MM = 279.4;

    private static OpenApheresisServer server;
    private static Api api;
    private static String physician;
    private static String nurse;
    private static String coordinator;
    private static String billing;
    private static List<Map<String, Object>> orders;
    private static List<Map<String, Object>> sessions;

    @BeforeAll
    static void start() {
        DemoUnit demo = DemoUnit.start();
        server = demo.server();
        api = demo.api();
        physician = api.login("dr.lindqvist", demo.staffPassword());
        nurse = api.login("nurse.moreau", demo.staffPassword());
        coordinator = api.login("coord.silva", demo.staffPassword());
        billing = api.login("billing.novak", demo.staffPassword());
        orders = api.get("/api/orders", physician).list();
        sessions = api.get("/api/sessions", physician).list();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<byte[]> pdf(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                + path)).header("Authorization", "Bearer " + token).header("Accept", "application/pdf").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * The phrases of the page's content that the PDF prints too: not the on-screen links to the PDF, nor the line
     * timed to the minute, nor the footer (checked apart: it is printed in the margin of every page).
     */
    private static List<String> printedPhrases(String html) {
        return PrintedPdf.phrases(html.replaceAll("<p class=\"tools\">.*?</p>", "")
                .replaceAll("<p class=\"made\">.*?</p>", "").replaceAll("<div class=\"footer\">.*?</div>", ""));
    }

    /** The document prints whole on both papers: every phrase of its page is in the PDF's text, no glyph off the page. */
    private static void printsWholeOnA4AndLetter(String path, String token) throws Exception {
        Api.Answer html = api.send("GET", path, token, null, Map.of("Accept", "text/html"));
        assertThat(html.status()).as(html.body()).isEqualTo(200);
        assertThat(html.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        List<String> phrases = printedPhrases(html.body());
        assertThat(phrases).hasSizeGreaterThan(20);
        for (String paper : List.of("a4", "letter")) {
            HttpResponse<byte[]> r = pdf(path + "?paper=" + paper, token);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
            PrintedPdf p = PrintedPdf.read(r.body(), org.openapheresis.server.system.Pdf.MARGIN_BOTTOM_MM);
            if (paper.equals("a4")) {
                assertThat(p.widthMm()).isCloseTo(A4_WIDTH_MM, org.assertj.core.data.Offset.offset(0.5));
                assertThat(p.heightMm()).isCloseTo(A4_HEIGHT_MM, org.assertj.core.data.Offset.offset(0.5));
            } else {
                assertThat(p.widthMm()).isCloseTo(LETTER_WIDTH_MM, org.assertj.core.data.Offset.offset(0.5));
                assertThat(p.heightMm()).isCloseTo(LETTER_HEIGHT_MM, org.assertj.core.data.Offset.offset(0.5));
            }
            assertThat(p.outside()).as(path + " on " + paper + ": glyphs off the page").isEmpty();
            String printed = p.squeezed();
            for (String phrase : phrases) {
                assertThat(printed).as(path + " on " + paper + " prints \"" + phrase + "\"")
                        .contains(PrintedPdf.squeeze(phrase));
            }
            assertThat(p.text()).contains("Made by OpenApheresis").contains("Page " + p.pages() + " of " + p.pages());
            Matcher footer = Pattern.compile("<div class=\"footer\">(.*?)</div>").matcher(html.body());
            assertThat(footer.find()).isTrue();
            String footerText = PrintedPdf.phrases(footer.group(0)).get(0);
            assertThat(p.text().split(Pattern.quote(footerText), -1)).as("the footer on every page")
                    .hasSize(p.pages() + 1);
        }
    }

    @Test
    void every_demo_orders_plan_sheet_prints_whole_on_a4_and_on_us_letter() throws Exception {
        assertThat(orders).hasSizeGreaterThanOrEqualTo(9);
        for (Map<String, Object> o : orders) {
            printsWholeOnA4AndLetter("/api/orders/" + o.get("id") + "/plan-sheet", physician);
        }
    }

    @Test
    void a_power_of_ten_prints_as_a_superscript_on_screen_and_on_paper() throws Exception {
        for (Map<String, Object> o : orders) {
            String path = "/api/orders/" + o.get("id") + "/plan-sheet";
            String html = api.send("GET", path, physician, null, Map.of("Accept", "text/html")).body();
            if (!html.contains("×10<sup>9</sup>/L")) {
                continue;
            }
            assertThat(html).as("no power of ten left as text").doesNotContain("10^");
            PrintedPdf p = PrintedPdf.read(pdf(path, physician).body(), org.openapheresis.server.system.Pdf.MARGIN_BOTTOM_MM);
            assertThat(p.superscripts()).as("the exponent set smaller than the text").contains("9");
            assertThat(p.squeezed()).contains("×10/L");
            return;
        }
        throw new AssertionError("no demo plan sheet writes a count in ×10^9/L");
    }

    @Test
    void every_demo_session_summary_that_has_a_record_prints_whole_on_a4_and_on_us_letter() throws Exception {
        List<Map<String, Object>> ran = sessions.stream().filter(s -> !"scheduled".equals(s.get("status"))).toList();
        assertThat(ran).isNotEmpty();
        for (Map<String, Object> s : ran) {
            printsWholeOnA4AndLetter("/api/sessions/" + s.get("id") + "/summary", nurse);
        }
        // and one not yet run: its summary is the run sheet the nurse takes to the chair
        Map<String, Object> next = sessions.stream().filter(s -> "scheduled".equals(s.get("status"))).findFirst()
                .orElseThrow();
        printsWholeOnA4AndLetter("/api/sessions/" + next.get("id") + "/summary", nurse);
    }

    @Test
    void the_summary_of_a_completed_plasma_exchange_holds_its_people_targets_entries_and_who_recorded_them() {
        Map<String, Object> s = sessions.stream().filter(x -> "completed".equals(x.get("status"))
                && "plasma-exchange".equals(x.get("procedureType"))).findFirst().orElseThrow();
        Map<String, Object> record = api.get("/api/sessions/" + s.get("id") + "/record", nurse).map();
        String html = api.send("GET", "/api/sessions/" + s.get("id") + "/summary", nurse, null, Map.of()).body();
        String text = String.join("\n", PrintedPdf.phrases(html));
        assertThat(text).contains("Session summary: Plasma exchange").contains("The plan's targets")
                .contains("Plan versus actual").contains("Run values").contains("Vital signs").contains("Adverse events")
                .contains(String.valueOf(s.get("machine"))).contains(String.valueOf(s.get("nurse")));
        List<?> runValues = (List<?>) record.get("runValues");
        assertThat(runValues).isNotEmpty();
        Map<?, ?> first = (Map<?, ?>) runValues.get(0);
        assertThat(text).contains("Inlet flow (mL/min)").contains(first.get("recordedBy") + " at ");
        List<?> aes = (List<?>) record.get("adverseEvents");
        for (Object a : aes) {
            assertThat(text).contains(((Map<?, ?>) a).get("recordedBy") + " at ");
        }
        assertThat(html.contains("id=\"summary-adverse-events-table\"")).as("a table of the adverse events")
                .isEqualTo(!aes.isEmpty());
    }

    @Test
    void every_figure_of_the_plan_sheet_carries_its_unit() {
        Pattern figures = Pattern.compile("<table class=\"grid\" id=\"plan-figures-table\">(.*?)</table>",
                Pattern.DOTALL);
        Pattern row = Pattern.compile("<tr><td>([^<]*)</td><td>([^<]*)</td>");
        // a number then a unit (mL, mL/min, min, %, mg/kg/min, g, cells...); or a list of such; or set by the device
        Pattern withUnit = Pattern.compile("(-?[\\d,]+(\\.\\d+)?( × 10\\^-?\\d+)? [^\\d\\s,][^,]*)(, -?[\\d,]+(\\.\\d+)? "
                + "[^\\d\\s,][^,]*)*|set by the device");
        int checked = 0;
        for (Map<String, Object> o : orders) {
            String html = api.get("/api/orders/" + o.get("id") + "/plan-sheet", physician).body();
            Matcher t = figures.matcher(html);
            assertThat(t.find()).as("figures of " + o.get("id") + "\n" + html).isTrue();
            Matcher r = row.matcher(t.group(1));
            while (r.find()) {
                assertThat(r.group(2)).as(r.group(1)).matches(withUnit);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void the_plan_sheet_holds_the_warnings_with_their_acknowledgement_and_the_assumptions_with_their_sources() {
        Map<String, Object> gbs = orders.stream().filter(o -> "G61.0".equals(((Map<?, ?>) o.get("indication"))
                .get("code"))).findFirst().orElseThrow();
        String html = api.get("/api/orders/" + gbs.get("id") + "/plan-sheet", nurse).body();
        String text = String.join("\n", PrintedPdf.phrases(html));
        assertThat(text).contains("Plan: Plasma exchange").contains("The course, session by session")
                .contains("Assumptions and sources").contains("Prescription as ordered");
        for (Object w : (List<?>) gbs.get("warnings")) {
            Map<?, ?> warning = (Map<?, ?>) w;
            assertThat(text).contains(String.valueOf(warning.get("message")));
        }
        for (Object a : (List<?>) ((Map<?, ?>) gbs.get("plan")).get("assumptions")) {
            assertThat(text).contains(String.valueOf(a));
        }
        for (Object a : (List<?>) gbs.get("acknowledgements")) {
            assertThat(text).contains(((Map<?, ?>) a).get("acknowledgedBy") + " at ");
        }
    }

    @Test
    void a_nursing_note_with_markup_is_printed_as_text_never_as_markup() throws Exception {
        Map<String, Object> s = sessions.stream().filter(x -> "completed".equals(x.get("status"))).findFirst()
                .orElseThrow();
        String at = String.valueOf(s.get("endedAt"));
        Api.Answer note = api.post("/api/sessions/" + s.get("id") + "/notes", nurse,
                Map.of("time", at, "text", "Flow <b>down</b> & \"up\" again; <script>x</script>"));
        assertThat(note.status()).as(note.body()).isEqualTo(201);
        String html = api.get("/api/sessions/" + s.get("id") + "/summary", nurse).body();
        assertThat(html).contains("Flow &lt;b&gt;down&lt;/b&gt; &amp; &quot;up&quot; again; &lt;script&gt;x&lt;/script&gt;")
                .doesNotContain("<b>down").doesNotContain("<script>");
        PrintedPdf p = PrintedPdf.read(pdf("/api/sessions/" + s.get("id") + "/summary", nurse).body(),
                org.openapheresis.server.system.Pdf.MARGIN_BOTTOM_MM);
        assertThat(p.squeezed()).contains(PrintedPdf.squeeze("Flow <b>down</b> & \"up\" again; <script>x</script>"));
    }

    @Test
    void the_documents_are_audited_as_reads_of_the_patient_and_closed_to_who_may_not_read_them() {
        Map<String, Object> o = orders.get(0);
        Map<String, Object> s = sessions.stream().filter(x -> "completed".equals(x.get("status"))).findFirst()
                .orElseThrow();
        String planSheet = "/api/orders/" + o.get("id") + "/plan-sheet";
        String summary = "/api/sessions/" + s.get("id") + "/summary";
        assertThat(api.get(planSheet, billing).status()).isEqualTo(403);
        assertThat(api.get(summary, billing).status()).isEqualTo(403);
        assertThat(api.get(planSheet, coordinator).status()).isEqualTo(200);
        assertThat(api.get(summary, nurse).status()).isEqualTo(200);
        // the coordinator books sessions but does not read their clinical record
        assertThat(api.get(summary, coordinator).status()).isEqualTo(403);
        assertThat(api.get("/api/sessions/00000000-0000-4000-8000-000000000000/summary", nurse).status())
                .isEqualTo(404);
        assertThat(api.get("/api/orders/00000000-0000-4000-8000-000000000000/plan-sheet", nurse).status())
                .isEqualTo(404);
        assertThat(api.send("GET", summary, nurse, null, Map.of("Accept", "application/json")).status()).isEqualTo(406);
        assertThat(api.get(summary + "?paper=a5", nurse).status()).isEqualTo(422);
        assertThat(api.get(planSheet + "?format=xml", nurse).status()).isEqualTo(422);
        String admin = api.login("admin", Databases.ADMIN_PASSWORD);
        List<Map<String, Object>> plan = api.get("/api/audit?patientId=" + o.get("patientId"), admin).list();
        assertThat(plan).filteredOn(e -> "GET /api/orders/{id}/plan-sheet".equals(e.get("action")))
                .extracting(e -> e.get("outcome")).contains("200");
        List<Map<String, Object>> run = api.get("/api/audit?patientId=" + s.get("patientId"), admin).list();
        assertThat(run).as(run.toString()).filteredOn(e -> "GET /api/sessions/{id}/summary".equals(e.get("action")))
                .extracting(e -> e.get("outcome")).contains("200");
    }
}
