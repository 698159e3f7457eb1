package org.openapheresis.server.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.openapheresis.server.system.Paper;
import org.openapheresis.server.system.Pdf;

/**
 * The sheet as a PDF: {@link SheetHtml}'s page with the sheet's stylesheet inline, rendered by the documents' one
 * engine ({@link Pdf}: the embedded font, the paper, the footer that names the person and "Page n of m").
 */
public final class SheetPdf {

    private static final String CSS = read("/web" + SheetHtml.STYLESHEET);

    private SheetPdf() {
    }

    /** @return the PDF file on A4 */
    public static byte[] render(PatientSheet sheet) {
        return render(sheet, Paper.A4);
    }

    /** @return the PDF file on the paper */
    public static byte[] render(PatientSheet sheet, Paper paper) {
        return Pdf.render(SheetHtml.page(sheet, CSS, null), paper, sheet.page().pageNumber());
    }

    private static String read(String resource) {
        try (InputStream in = SheetPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
