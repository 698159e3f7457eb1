package org.openapheresis.server.sheet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.BreakIterator;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The sheet's words in one language: its sentences from the message bundle {@code sheet/messages_<tag>.properties},
 * its medical words from {@code sheet/glossary_<tag>.tsv}, and its numbers and money written the language's way
 * (grouping, decimal mark, where the currency sign goes). Loaded and checked by {@link SheetLanguages}.
 *
 * @param tag the BCP 47 language tag, e.g. {@code en}
 * @param name the language's name in itself, e.g. "English"
 * @param messages every key of the English bundle with its text ({@link MessageFormat} patterns)
 * @param glossary the medical words and their plain explanations in this language
 */
public record SheetText(String tag, String name, Map<String, String> messages, Glossary glossary) {

    public SheetText {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(name, "name");
        messages = Map.copyOf(messages);
        Objects.requireNonNull(glossary, "glossary");
    }

    /** The locale of {@link #tag}: what numbers, money and sentence breaks follow. */
    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /**
     * The text of a key with its arguments put in (numbers in the language's digits).
     *
     * @throws IllegalStateException when the bundle has no such key (a fault of the code or the bundle: the
     *     languages are checked complete at start-up, so this is a key the code uses and the English file lacks)
     */
    public String get(String key, Object... args) {
        String pattern = messages.get(key);
        if (pattern == null) {
            throw new IllegalStateException("the sheet's messages in " + tag + " have no key " + key);
        }
        return new MessageFormat(pattern, locale()).format(args);
    }

    /** The sentences of a text, split where the language ends a sentence. */
    public List<String> sentences(String text) {
        BreakIterator it = BreakIterator.getSentenceInstance(locale());
        it.setText(text);
        List<String> out = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String s = text.substring(start, end).strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** An amount to the whole unit of its currency, written the language's way: "$2,400" in English. */
    public String money(BigDecimal amount, String currency) {
        NumberFormat nf = NumberFormat.getCurrencyInstance(locale());
        nf.setCurrency(Currency.getInstance(currency));
        nf.setMaximumFractionDigits(0);
        nf.setMinimumFractionDigits(0);
        return nf.format(amount.setScale(0, RoundingMode.HALF_UP));
    }

    /** How often sessions start: "one every day", "one every other day", "one each week", "one every 12 hours". */
    public String often(double intervalHours) {
        long h = Math.round(intervalHours);
        if (h % 24 != 0) {
            return get("often.hours", h);
        }
        long d = h / 24;
        if (d == 1) {
            return get("often.day");
        }
        if (d == 2) {
            return get("often.otherDay");
        }
        if (d % 7 == 0) {
            return d == 7 ? get("often.week") : get("often.weeks", d / 7);
        }
        return get("often.days", d);
    }

    /** Whole days in words: "1 day", "9 days"; past 13 days, weeks: "3 weeks". */
    public String days(double days) {
        long d = Math.round(days);
        return d > 13 ? get("span.weeks", Math.round(d / 7.0)) : get("span.days", d);
    }

    /**
     * A duration said as a person says it, to the half hour: "half an hour", "1 hour", "an hour and a half",
     * "2 hours", "2 and a half hours"; below 20 minutes, "a few minutes".
     */
    public String duration(double minutes) {
        if (minutes < 20) {
            return get("duration.fewMinutes");
        }
        long halves = Math.max(1, Math.round(minutes / 30.0));
        long hours = halves / 2;
        boolean half = halves % 2 == 1;
        if (hours == 0) {
            return get("duration.halfHour");
        }
        if (hours == 1) {
            return get(half ? "duration.hourAndHalf" : "duration.oneHour");
        }
        return get(half ? "duration.hoursAndHalf" : "duration.hours", hours);
    }
}
