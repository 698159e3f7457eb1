package org.openapheresis.server.sheet;

import java.util.List;
import java.util.Objects;

/**
 * The sheet as written: sections of plain paragraphs, then the sources of its facts. Rendered as HTML or PDF by
 * {@link SheetHtml} and {@link SheetPdf}; measured for readability as {@link #text()}.
 *
 * @param title the heading
 * @param person whom it is for: name and MRN
 * @param sections the sections in reading order
 * @param sources the publications behind its numbers and advice (cited as published, in their own language)
 * @param page the words around the sections, in the sheet's language
 */
public record PatientSheet(String title, String person, List<Section> sections, List<String> sources, Page page) {

    public PatientSheet {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(person, "person");
        sections = List.copyOf(sections);
        sources = List.copyOf(sources);
        Objects.requireNonNull(page, "page");
    }

    /**
     * The words of the page around the sections, in the sheet's language.
     *
     * @param lang the BCP 47 tag of the language (the page's {@code lang})
     * @param forPerson "For" and the person, under the title
     * @param pdfLink the words of the link to the PDF, on screen
     * @param sourcesHeading what introduces the list of sources
     * @param madeBy the closing line
     * @param pageNumber the printed page number, as {@link org.openapheresis.server.system.Pdf.PageNumber}
     */
    public record Page(String lang, String forPerson, String pdfLink, String sourcesHeading, String madeBy,
            org.openapheresis.server.system.Pdf.PageNumber pageNumber) {

        /** The page words of a language, for the person. */
        public static Page of(SheetText t, String person) {
            return new Page(t.tag(), t.get("page.for", person), t.get("page.pdfLink"), t.get("page.sources"),
                    t.get("page.madeBy"), org.openapheresis.server.system.Pdf.PageNumber.of(
                            t.messages().get("page.number")));
        }
    }

    /**
     * One section.
     *
     * @param id stable id (HTML anchor, tests)
     * @param heading its heading, a question a patient asks
     * @param paragraphs its paragraphs, each of whole sentences
     */
    public record Section(String id, String heading, List<String> paragraphs) {
        public Section {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(heading, "heading");
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /** The section with that id. */
    public java.util.Optional<Section> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** What the patient reads (title, headings and paragraphs, one per line; not the list of sources). */
    public String text() {
        StringBuilder b = new StringBuilder(title).append('\n');
        for (Section s : sections) {
            b.append(s.heading()).append('\n');
            for (String p : s.paragraphs()) {
                b.append(p).append('\n');
            }
        }
        return b.toString();
    }
}
