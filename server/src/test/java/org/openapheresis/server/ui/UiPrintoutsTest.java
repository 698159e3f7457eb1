package org.openapheresis.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.support.PrintedPdf;
import org.openapheresis.server.system.Pdf;
import org.openqa.selenium.By;

/**
 * The printed documents from the pages of the demo unit: the physician finds "Plan as PDF" on the GBS patient's order
 * and "Summary as PDF" on one of its completed sessions; each link brings the server's PDF (fetched by the signed-in
 * browser, as a click would) with the patient's name and the document's headings in it.
 */
class UiPrintoutsTest extends BrowserTest {

    @BeforeAll
    static void start() throws Exception {
        open(true);
    }

    /** What the signed-in browser gets from an address: its content type and its body (base64). */
    @SuppressWarnings("unchecked")
    private static List<String> fetched(String href) {
        return (List<String>) browser.js("return fetch(arguments[0], { credentials: 'same-origin' }).then(async (r) => {"
                + " const b = new Uint8Array(await r.arrayBuffer()); let s = '';"
                + " for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);"
                + " return [String(r.status), r.headers.get('content-type'), btoa(s)]; })", href);
    }

    private static PrintedPdf pdfAt(String href) throws Exception {
        List<String> r = fetched(href);
        assertThat(r.get(0)).isEqualTo("200");
        assertThat(r.get(1)).startsWith("application/pdf");
        return PrintedPdf.read(Base64.getDecoder().decode(r.get(2)), Pdf.MARGIN_BOTTOM_MM);
    }

    @Test
    void the_order_page_and_the_session_page_bring_their_documents_as_pdfs() throws Exception {
        browser.signIn("dr.lindqvist", server.demoPassword);
        String token = server.login("dr.lindqvist", server.demoPassword);
        String orderId = null;
        for (JsonNode o : server.call("GET", "/api/orders", token, null).body()) {
            if (o.get("indication").get("code").asText().equals("G61.0")) {
                orderId = o.get("id").asText();
            }
        }
        assertThat(orderId).as("the demo GBS order").isNotNull();
        browser.go("/orders/" + orderId);
        String planHref = browser.await(By.id("plan-sheet-pdf")).getAttribute("href");
        assertThat(planHref).endsWith("/api/orders/" + orderId + "/plan-sheet?format=pdf");
        assertThat(browser.await(By.id("plan-sheet-pdf-other-paper")).getAttribute("href")).endsWith("&paper=letter");
        PrintedPdf plan = pdfAt(planHref);
        assertThat(plan.widthMm()).isBetween(209.5, 210.5);
        assertThat(plan.text()).contains("Plan: Plasma exchange").contains("Aalto").contains("MRN-100871")
                .contains("Assumptions and sources");
        PrintedPdf letter = pdfAt(browser.await(By.id("plan-sheet-pdf-other-paper")).getAttribute("href"));
        assertThat(letter.widthMm()).isBetween(215.4, 216.4);
        browser.screenshot("61-order-plan-pdf-link");

        String sessionId = null;
        for (JsonNode s : server.call("GET", "/api/sessions", token, null).body()) {
            if (s.get("orderId").asText().equals(orderId) && s.get("status").asText().equals("completed")) {
                sessionId = s.get("id").asText();
            }
        }
        assertThat(sessionId).as("a completed session of the GBS order").isNotNull();
        browser.go("/sessions/" + sessionId);
        String summaryHref = browser.await(By.id("summary-pdf")).getAttribute("href");
        assertThat(summaryHref).endsWith("/api/sessions/" + sessionId + "/summary?format=pdf");
        PrintedPdf summary = pdfAt(summaryHref);
        assertThat(summary.text()).contains("Session summary: Plasma exchange").contains("Aalto")
                .contains("Plan versus actual").contains("Run values");
        browser.screenshot("62-session-summary-pdf-link");

        // the same summary on screen, as the browser shows the HTML form
        browser.js("window.location.href = arguments[0]", summaryHref.replace("?format=pdf", ""));
        assertThat(browser.text(By.id("doc-title"))).startsWith("Session summary: Plasma exchange");
        assertThat(browser.text(By.id("summary-session-facts"))).contains("Aalto").contains("completed");
        browser.screenshot("63-session-summary-html");
    }
}
