package org.openapheresis.server.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Flesch-Kincaid grade level of an English text: {@code 0.39 × words per sentence + 11.8 × syllables per word −
 * 15.59} (Kincaid JP, Fishburne RP, Rogers RL, Chissom BS, "Derivation of new readability formulas for Navy enlisted
 * personnel", Naval Technical Training Command Research Branch Report 8-75, 1975). The grade is the US school year
 * whose readers understand the text; patient material is commonly asked to be at grade 8 or below.
 *
 * <p>Syllables are counted by a heuristic, not a dictionary: groups of vowels (y counts as a vowel after a
 * consonant), less a silent final "e" (but not "-le" after a consonant), plus one for the vowel pairs "ia", "io" and "iu"
 * after a consonant, which are two syllables ("calcium", "radio", "sodium"), except after t, c, s or g before n, l or
 * u, where they are one ("nation", "special", "vicious"); at least one per word. A number counts as a
 * word of as many syllables as it has digits, up to four ("4" is one, "100" three). Sentences end at '.', '!', '?' or
 * ':' followed by a space or the end, and at each line (a heading or a list item is a sentence). Known misses of the
 * heuristic: a vowel pair that is two syllables other than those ("co-ag-u-lant" counts 5 of its 6, "cre-at-ed" 2
 * of 3); they make a text read slightly easier than it is.
 */
public final class Readability {

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*|\\d[\\d,.]*");
    private static final Pattern VOWEL_GROUP = Pattern.compile("[aeiouy]+");
    private static final Pattern TWO_SYLLABLE_PAIRS = Pattern.compile("(?<=([^aeiou]))(ia|io|iu)(.?)");

    private Readability() {
    }

    /**
     * What a text measured.
     *
     * @param sentences sentences
     * @param words words
     * @param syllables syllables
     */
    public record Counts(int sentences, int words, int syllables) {

        /** The Flesch-Kincaid grade level (may be below 0 for very simple text). */
        public double grade() {
            return 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
        }

        /** The Flesch reading ease: 206.835 − 1.015 × words per sentence − 84.6 × syllables per word. */
        public double readingEase() {
            return 206.835 - 1.015 * words / sentences - 84.6 * syllables / words;
        }
    }

    /** The counts of a text with at least one word. */
    public static Counts measure(String text) {
        int sentences = 0;
        int words = 0;
        int syllables = 0;
        for (String s : sentences(text)) {
            List<String> w = words(s);
            if (w.isEmpty()) {
                continue;
            }
            sentences++;
            words += w.size();
            for (String word : w) {
                syllables += syllables(word);
            }
        }
        if (words == 0) {
            throw new IllegalArgumentException("no words to measure");
        }
        return new Counts(sentences, words, syllables);
    }

    /** The grade of a text. */
    public static double grade(String text) {
        return measure(text).grade();
    }

    /** The sentences of a text, as split for measuring. */
    public static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            for (String s : line.split("(?<=[.!?:])\\s+")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    /** The words of a sentence. */
    public static List<String> words(String sentence) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(sentence);
        while (m.find()) {
            String w = m.group();
            // a trailing full stop or comma of a number is punctuation
            while (w.length() > 1 && (w.endsWith(".") || w.endsWith(","))) {
                w = w.substring(0, w.length() - 1);
            }
            out.add(w);
        }
        return out;
    }

    /** The syllables of one word (see the class comment). */
    public static int syllables(String word) {
        if (Character.isDigit(word.charAt(0))) {
            long digits = word.chars().filter(Character::isDigit).count();
            return (int) Math.max(1, Math.min(4, digits));
        }
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (w.isEmpty()) {
            return 1;
        }
        if (w.length() <= 3) {
            return 1;
        }
        // y at the start of a word is a consonant ("yes", "you")
        String body = w.startsWith("y") ? "_" + w.substring(1) : w;
        if (body.endsWith("e") && !(body.endsWith("le") && body.length() > 2 && !isVowel(body.charAt(body.length() - 3)))
                && !body.endsWith("ee")) {
            body = body.substring(0, body.length() - 1);
        } else if (body.endsWith("es") || body.endsWith("ed")) {
            // "tubes", "used": the e is silent unless after t/d ("needed") or a hiss ("doses", "nurses")
            char before = body.length() > 2 ? body.charAt(body.length() - 3) : 'a';
            boolean sounded = body.endsWith("ed") ? before == 't' || before == 'd'
                    : before == 's' || before == 'x' || before == 'z' || body.endsWith("ches") || body.endsWith("shes")
                            || body.endsWith("ges") || body.endsWith("ces");
            if (!sounded && !isVowel(before)) {
                body = body.substring(0, body.length() - 2) + body.charAt(body.length() - 1);
            }
        }
        int count = 0;
        Matcher m = VOWEL_GROUP.matcher(body);
        while (m.find()) {
            count++;
        }
        Matcher pairs = TWO_SYLLABLE_PAIRS.matcher(body);
        int from = 0;
        while (from < body.length() && pairs.find(from)) {
            boolean single = "tcsg".indexOf(pairs.group(1).charAt(0)) >= 0 && !pairs.group(3).isEmpty()
                    && "nlu".indexOf(pairs.group(3).charAt(0)) >= 0;
            if (!single) {
                count++;
            }
            from = pairs.end(2);
        }
        return Math.max(1, count);
    }

    private static boolean isVowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }
}
