package org.openapheresis.server.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.OpenApheresisServer;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.DemoUnit;

/**
 * {@code GET /api/orders/{id}/patient-sheet} on the demo unit (the real server on a random port): every order's sheet
 * reads at grade 8 or below; it says what each person's own record makes true (the ACE inhibitor, the recorded
 * arm needles, stored or given cells, the coverage or its absence); HTML or PDF by Accept; audited as a read of the
 * patient; closed to roles that may not read orders, and the cost shown only to those who may read charges.
 */
class SheetRoutesTest {

    private static OpenApheresisServer server;
    private static Api api;
    private static String physician;
    private static String coordinator;
    private static String nurse;
    private static String billing;
    private static List<Map<String, Object>> orders;

    @BeforeAll
    static void start() {
        DemoUnit demo = DemoUnit.start();
        server = demo.server();
        api = demo.api();
        physician = api.login("dr.lindqvist", demo.staffPassword());
        coordinator = api.login("coord.silva", demo.staffPassword());
        nurse = api.login("nurse.moreau", demo.staffPassword());
        billing = api.login("billing.novak", demo.staffPassword());
        orders = api.get("/api/orders", physician).list();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Api.Answer sheet(String orderId, String token, String accept) {
        return api.send("GET", "/api/orders/" + orderId + "/patient-sheet", token, null, Map.of("Accept", accept));
    }

    private static String order(String icd, String procedureType) {
        return orders.stream().filter(o -> icd.equals(((Map<?, ?>) o.get("indication")).get("code"))
                && procedureType.equals(((Map<?, ?>) o.get("procedure")).get("type"))).findFirst()
                .orElseThrow(() -> new AssertionError("no demo order " + icd + " " + procedureType)).get("id").toString();
    }

    /** What the patient reads of an HTML sheet: the title, headings and paragraphs, not the list of sources. */
    static String readable(String html) {
        String body = html.substring(html.indexOf("<h1"), html.indexOf("<section class=\"sources\""));
        StringBuilder b = new StringBuilder();
        Matcher m = Pattern.compile("<(h1|h2|p)[^>]*>(.*?)</\\1>", Pattern.DOTALL).matcher(body);
        while (m.find()) {
            if (!m.group(0).contains("class=\"tools\"") && !m.group(0).contains("class=\"person\"")) {
                b.append(m.group(2).replaceAll("<[^>]+>", "")).append('\n');
            }
        }
        return b.toString().replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    @Test
    void every_demo_order_has_a_sheet_at_grade_8_or_below_without_raw_units() {
        assertThat(orders).hasSizeGreaterThanOrEqualTo(9);
        for (Map<String, Object> o : orders) {
            Api.Answer a = sheet(o.get("id").toString(), coordinator, "text/html");
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            assertThat(a.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            String text = readable(a.body());
            assertThat(Readability.grade(text)).as(o.get("indication") + "\n" + text)
                    .isLessThanOrEqualTo(SheetWriterTest.MAX_GRADE);
            assertThat(text).as(text).doesNotContainPattern(SheetWriterTest.RAW).contains("What are the risks?");
            assertThat(text).containsPattern("about (a few minutes|half an hour|1 hour|an hour and a half|\\d+ (and a half "
                    + ")?hours)");
        }
    }

    @Test
    void the_gbs_patient_on_an_ace_inhibitor_reads_to_hold_it_and_the_ms_patient_reads_of_the_recorded_arm_needles() {
        String gbs = readable(sheet(order("G61.0", "plasma-exchange"), physician, "text/html").body());
        assertThat(gbs).contains("You take an ACE inhibitor").contains("at least 1 day, 24 hours");
        String ms = readable(sheet(order("G35.A", "plasma-exchange"), physician, "text/html").body());
        assertThat(ms).doesNotContain("ACE inhibitor").contains("needle into a vein in each arm")
                .contains("5 treatments, one every other day");
    }

    @Test
    void stem_cells_are_stored_for_the_myeloma_patient_and_given_to_the_recipient_by_the_donor() {
        assertThat(readable(sheet(order("C90.00", "hpc-collection"), physician, "text/html").body()))
                .contains("frozen and stored for you");
        String donor = readable(sheet(order("Z52.091", "hpc-collection"), physician, "text/html").body());
        assertThat(donor).contains("Your donation").contains("given to the person who needs them")
                .contains("donors had a side effect");
    }

    @Test
    void the_cost_is_shown_to_who_may_read_charges_with_the_coverage_or_the_offer_of_help() {
        String msOrder = order("G35.A", "plasma-exchange");
        String ms = readable(sheet(msOrder, coordinator, "text/html").body());
        assertThat(ms).contains("What may it cost me?").contains("made from your insurance with").contains("deductible");
        assertThat(readable(sheet(msOrder, nurse, "text/html").body())).doesNotContain("What may it cost me?");
        String ttp = readable(sheet(order("M31.19", "plasma-exchange"), coordinator, "text/html").body());
        assertThat(ttp).contains("no insurance on record").contains("financial help program");
    }

    @Test
    void the_pdf_is_chosen_by_accept_or_format_and_holds_the_same_sentences() throws Exception {
        String id = order("G61.0", "plasma-exchange");
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + server.port() + "/api/orders/" + id + "/patient-sheet")).header("Authorization", "Bearer " + physician)
                .header("Accept", "application/pdf").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument d = Loader.loadPDF(r.body())) {
            assertThat(new PDFTextStripper().getText(d).replaceAll("\\s+", " ")).contains("You take an ACE inhibitor")
                    .contains("What is this treatment, and why do I need it?").contains("Page 1 of");
        }
        Api.Answer byQuery = api.get("/api/orders/" + id + "/patient-sheet?format=pdf", physician);
        assertThat(byQuery.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(sheet(id, physician, "application/pdf;q=0.5, text/html").raw().headers().firstValue("Content-Type")
                .orElse("")).startsWith("text/html");
        assertThat(sheet(id, physician, "text/html;q=0.4, application/pdf").raw().headers().firstValue("Content-Type")
                .orElse("")).startsWith("application/pdf");
        assertThat(sheet(id, physician, "application/json").status()).isEqualTo(406);
        assertThat(api.get("/api/orders/" + id + "/patient-sheet?format=xml", physician).status()).isEqualTo(422);
    }

    @Test
    void the_sheet_is_written_in_a_language_of_the_list_and_an_unknown_language_is_a_422_naming_lang() {
        String id = orders.get(0).get("id").toString();
        List<Map<String, Object>> languages = api.get("/api/patient-sheet/languages", nurse).list();
        assertThat(languages.get(0)).containsEntry("tag", "en").containsEntry("name", "English");
        Api.Answer english = api.get("/api/orders/" + id + "/patient-sheet?format=html&lang=en", nurse);
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.body()).contains("lang=\"en\"").contains("format=pdf&amp;lang=en");
        Api.Answer unknown = api.get("/api/orders/" + id + "/patient-sheet?format=html&lang=tlh", nurse);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("lang").contains("tlh");
    }

    @Test
    void the_sheet_is_audited_as_a_read_of_the_patient_and_closed_to_billing() {
        Map<String, Object> gbs = orders.stream().filter(o -> "G61.0".equals(((Map<?, ?>) o.get("indication"))
                .get("code"))).findFirst().orElseThrow();
        String id = gbs.get("id").toString();
        assertThat(sheet(id, billing, "text/html").status()).isEqualTo(403);
        assertThat(sheet(id, nurse, "text/html").status()).isEqualTo(200);
        assertThat(sheet("00000000-0000-4000-8000-000000000000", nurse, "text/html").status()).isEqualTo(404);
        String admin = api.login("admin", Databases.ADMIN_PASSWORD);
        List<Map<String, Object>> entries = api.get("/api/audit?patientId=" + gbs.get("patientId"), admin).list();
        assertThat(entries).filteredOn(e -> String.valueOf(e.get("action")).equals(
                "GET /api/orders/{id}/patient-sheet")).extracting(e -> e.get("outcome")).contains("200");
    }
}
