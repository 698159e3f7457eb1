package org.openapheresis.server.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;

/**
 * The languages the patient sheet is written in, listed in {@code sheet/languages.tsv}, each with its message bundle
 * and glossary (data: a unit adds its language with three files and no code). English is the reference: every
 * other language must give every one of its keys, so a sheet is never part in one language and part in another, and
 * the server refuses to start with a language that is incomplete or whose texts do not parse.
 */
public final class SheetLanguages {

    /** The list of languages on the class path. */
    public static final String LIST = "sheet/languages.tsv";
    /** The reference language: complete by definition, and the default. */
    public static final String ENGLISH = "en";

    private final Map<String, SheetText> byTag;

    /** @param texts the languages, the first the default; each with every key of the first */
    public SheetLanguages(List<SheetText> texts) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("the sheet needs at least one language");
        }
        Map<String, SheetText> m = new LinkedHashMap<>();
        SheetText reference = texts.get(0);
        for (SheetText t : texts) {
            check(reference, t);
            if (m.put(t.tag(), t) != null) {
                throw new IllegalStateException(LIST + " lists " + t.tag() + " twice");
            }
        }
        this.byTag = m;
    }

    /** The languages shipped on the class path: English first, then those {@value #LIST} lists. */
    public static SheetLanguages load() {
        List<String[]> listed = SheetFiles.rows(LIST, 2);
        List<SheetText> texts = new ArrayList<>();
        listed.stream().filter(r -> r[0].equals(ENGLISH)).findFirst().ifPresentOrElse(r -> texts.add(load(r[0], r[1])),
                () -> {
                    throw new IllegalStateException(LIST + " does not list " + ENGLISH + ", the reference language");
                });
        listed.stream().filter(r -> !r[0].equals(ENGLISH)).forEach(r -> texts.add(load(r[0], r[1])));
        return new SheetLanguages(texts);
    }

    /** One language from its bundle and glossary on the class path. */
    static SheetText load(String tag, String name) {
        String bundle = "sheet/messages_" + tag + ".properties";
        Properties p = new Properties();
        try (InputStream in = SheetFiles.open(bundle)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(bundle, e);
        }
        Map<String, String> messages = new HashMap<>();
        p.stringPropertyNames().forEach(k -> messages.put(k, p.getProperty(k)));
        return new SheetText(tag, name, messages, Glossary.load("sheet/glossary_" + tag + ".tsv"));
    }

    /** Refuses a language that lacks a key of the reference, or whose text does not parse as a pattern. */
    static void check(SheetText reference, SheetText t) {
        TreeSet<String> missing = new TreeSet<>(reference.messages().keySet());
        missing.removeAll(t.messages().keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the sheet's messages in " + t.tag() + " lack " + missing.size()
                    + " key(s) of " + reference.tag() + ": " + String.join(", ", missing));
        }
        for (Map.Entry<String, String> e : t.messages().entrySet()) {
            try {
                new MessageFormat(e.getValue(), t.locale());
            } catch (IllegalArgumentException ex) {
                throw new IllegalStateException("the sheet's message " + e.getKey() + " in " + t.tag()
                        + " does not parse: " + ex.getMessage(), ex);
            }
            if (e.getValue().replace("''", "").indexOf('\'') >= 0) {
                throw new IllegalStateException("the sheet's message " + e.getKey() + " in " + t.tag()
                        + " has a single apostrophe: write it twice ('')");
            }
        }
    }

    /** The default language (English). */
    public SheetText fallback() {
        return byTag.values().iterator().next();
    }

    /** The languages, the default first. */
    public List<SheetText> all() {
        return List.copyOf(byTag.values());
    }

    /** The language of a tag, when the sheet is written in it. */
    public Optional<SheetText> find(String tag) {
        return Optional.ofNullable(byTag.get(tag));
    }

    /**
     * The language {@code ?lang=} asks for: the default when absent; a 422 on {@code lang} naming the languages
     * there are when the sheet is not written in it.
     */
    public SheetText asked(Optional<String> lang) {
        return lang.map(this::require).orElse(fallback());
    }

    /** The language of a tag; a 422 on {@code lang} naming the languages there are when the sheet is not in it. */
    public SheetText require(String tag) {
        return find(tag).orElseThrow(() -> InvalidInputException.of("lang", MessageKey.NOT_ONE_OF, tag,
                String.join(", ", byTag.keySet())));
    }
}
