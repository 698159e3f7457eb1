package org.openapheresis.server.printout;

import java.time.Instant;
import java.util.Objects;
import org.openapheresis.server.system.Paper;

/**
 * The unit's settings for its printed documents (the database's {@code print_settings}, migration V28): what a
 * document request that names no paper or language gets. A request's own {@code ?paper=} and {@code ?lang=} still
 * win.
 *
 * @param version optimistic-locking version
 * @param paper the code of the paper PDFs are laid out on by default: {@code a4} or {@code letter}
 * @param sheetLanguage the BCP 47 tag of the language the patient sheet is written in by default
 * @param updatedAt when they were last changed
 * @param updatedBy who changed them ({@code system} for the defaults)
 */
public record PrintSettings(int version, String paper, String sheetLanguage, Instant updatedAt, String updatedBy) {

    public PrintSettings {
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(sheetLanguage, "sheetLanguage");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
    }

    /** The default paper. */
    public Paper defaultPaper() {
        return Paper.ofCode(paper).orElseThrow(() -> new IllegalStateException("print_settings.paper " + paper
                + " is not a paper"));
    }
}
