package org.openapheresis.server.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The medical words of the sheet with their plain explanations in one language, read from
 * {@code sheet/glossary_<tag>.tsv} (data, so a reviewer reads and changes the words without reading code).
 *
 * @param entries the words in file order
 */
public record Glossary(List<Entry> entries) {

    /** The English glossary on the class path. */
    public static final String RESOURCE = "sheet/glossary_en.tsv";

    /**
     * One word.
     *
     * @param forms the word and its other forms (plural, singular), matched whole and case-insensitive
     * @param explanation what it means, in short sentences
     */
    public record Entry(List<String> forms, String explanation) {

        public Entry {
            forms = List.copyOf(forms);
            if (forms.isEmpty() || explanation.isBlank()) {
                throw new IllegalArgumentException("a glossary entry needs a word and an explanation");
            }
        }

        /** The word as listed first. */
        public String term() {
            return forms.get(0);
        }

        /** Where the word (any form) first occurs in a text, or -1. */
        public int firstIndexIn(String text) {
            int best = -1;
            for (String f : forms) {
                Matcher m = pattern(f).matcher(text);
                if (m.find() && (best < 0 || m.start() < best)) {
                    best = m.start();
                }
            }
            return best;
        }

        private static Pattern pattern(String form) {
            return Pattern.compile("(?<![\\p{L}-])" + Pattern.quote(form) + "(?![\\p{L}-])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
    }

    public Glossary {
        entries = List.copyOf(entries);
    }

    /** The English glossary shipped with the server. */
    public static Glossary load() {
        return load(RESOURCE);
    }

    /** The glossary in a file on the class path. */
    public static Glossary load(String resource) {
        List<Entry> entries = new ArrayList<>();
        for (String[] cells : SheetFiles.rows(resource, 2)) {
            entries.add(new Entry(List.of(cells[0].split("\\|")), cells[1]));
        }
        return new Glossary(entries);
    }

    /** The entry of a word (any of its forms). */
    public Optional<Entry> find(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return entries.stream().filter(e -> e.forms().stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).equals(w)))
                .findFirst();
    }
}
