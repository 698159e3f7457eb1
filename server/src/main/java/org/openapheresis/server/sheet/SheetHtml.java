package org.openapheresis.server.sheet;

/**
 * The sheet as an XHTML page (well-formed, so the PDF renderer reads the same page): on screen it links the UI's
 * stylesheet {@value #STYLESHEET} (the browser protections allow no inline style); for the PDF the same stylesheet
 * is put inline.
 */
public final class SheetHtml {

    /** Where the stylesheet is served, and where it is on the class path under {@code web}. */
    public static final String STYLESHEET = "/css/patient-sheet.css";

    private SheetHtml() {
    }

    /**
     * @param sheet the sheet
     * @param inlineCss the stylesheet's text to put in the page (the PDF), or null to link it (the browser)
     * @param pdfLink the address of the same sheet as PDF, shown on screen, or null
     */
    public static String page(PatientSheet sheet, String inlineCss, String pdfLink) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(text(sheet.page().lang())).append("\"><head><meta charset=\"utf-8\"/>")
                .append("<title>").append(text(sheet.title())).append("</title>");
        if (inlineCss == null) {
            h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                    .append("<link rel=\"stylesheet\" href=\"").append(STYLESHEET).append("\"/>");
        } else {
            h.append("<style>").append(inlineCss).append("</style>");
        }
        h.append("</head><body class=\"sheet\">");
        h.append("<div class=\"footer\">").append(text(sheet.person())).append("</div>");
        h.append("<h1 id=\"sheet-title\">").append(text(sheet.title())).append("</h1>");
        h.append("<p class=\"person\" id=\"sheet-person\">").append(text(sheet.page().forPerson())).append("</p>");
        if (pdfLink != null) {
            h.append("<p class=\"tools\"><a id=\"sheet-pdf\" href=\"").append(text(pdfLink))
                    .append("\">").append(text(sheet.page().pdfLink())).append("</a></p>");
        }
        for (PatientSheet.Section s : sheet.sections()) {
            h.append("<section id=\"sheet-").append(s.id()).append("\"><h2>").append(text(s.heading())).append("</h2>");
            for (String p : s.paragraphs()) {
                h.append("<p>").append(text(p)).append("</p>");
            }
            h.append("</section>");
        }
        h.append("<section class=\"sources\" id=\"sheet-sources\"><p>").append(text(sheet.page().sourcesHeading()))
                .append("</p>");
        for (String src : sheet.sources()) {
            h.append("<p class=\"source\">").append(text(src)).append("</p>");
        }
        h.append("<p>").append(text(sheet.page().madeBy())).append("</p></section>");
        return h.append("</body></html>").toString();
    }

    /** Text for XHTML (see {@link org.openapheresis.server.system.Xhtml#text}). */
    static String text(String s) {
        return org.openapheresis.server.system.Xhtml.text(s);
    }
}
