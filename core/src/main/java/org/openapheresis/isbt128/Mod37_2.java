package org.openapheresis.isbt128;

/**
 * The ISO/IEC 7064 modulo 37-2 pure check character system, as ST-001 v6.2.2 Appendix A uses it for the keyboard
 * entry check character K of a Donation Identification Number and for Type 3 flag characters.
 *
 * <p>Character values (ST-001 Table 35): {@code 0}–{@code 9} are 0–9, {@code A}–{@code Z} are 10–35, {@code *} is 36.
 * Each value is weighted by 2<sup>n</sup>, n its position from the right starting at 1; the check value is
 * (38 − sum mod 37) mod 37, read back as a character through the same table.
 *
 * <p>Because 37 is prime and no power of 2 is a multiple of 37, a change of one character changes the weighted sum
 * by (a − b)·2<sup>n</sup>, which is never a multiple of 37 when 0 &lt; |a − b| &lt; 37; swapping two adjacent
 * characters changes it by (a − b)·2<sup>n</sup> likewise. So every single substitution and every adjacent
 * transposition changes the check value.
 *
 * @see <a href="https://www.isbt128.org">ICCBBA ST-001 ISBT 128 Standard Technical Specification v6.2.2, Appendix A</a>
 */
public final class Mod37_2 {

    /** The 37 characters in the order of their values (ST-001 Table 35). */
    public static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";

    /** The modulus of the system. */
    public static final int MODULUS = 37;

    private Mod37_2() {
    }

    /**
     * @return the value of a character (ST-001 Table 35)
     * @throws IllegalArgumentException for a character outside {@link #ALPHABET}; callers validate their text first
     */
    public static int value(char c) {
        int v = ALPHABET.indexOf(c);
        if (v < 0) {
            throw new IllegalArgumentException("character " + c + " has no ISO/IEC 7064 mod 37-2 value");
        }
        return v;
    }

    /** @return the character of a value 0..36 (ST-001 Table 35) */
    public static char character(int value) {
        if (value < 0 || value >= MODULUS) {
            throw new IllegalArgumentException("mod 37-2 value " + value + " is outside 0..36");
        }
        return ALPHABET.charAt(value);
    }

    /**
     * The check value by the pure system recursive method (ISO/IEC 7064 §7.1, as in ST-001 Appendix A.3):
     * {@code sum = ((sum + value) * 2) mod 37} over the characters from the left, then {@code (38 - sum) mod 37}.
     *
     * @return the check value 0..36
     */
    public static int checkValue(CharSequence text) {
        int sum = 0;
        for (int i = 0; i < text.length(); i++) {
            sum = ((sum + value(text.charAt(i))) * 2) % MODULUS;
        }
        return (38 - sum) % MODULUS;
    }

    /** @return the check character K of the text */
    public static char checkCharacter(CharSequence text) {
        return character(checkValue(text));
    }

    /**
     * The weighted sum of ST-001 Appendix A.1 steps 1–3, computed the long way (each value times 2<sup>n</sup>);
     * {@link #checkValue} computes the same check without it. Kept so the worked example can be followed step by step.
     *
     * @return the sum of value × 2<sup>n</sup>, n the position from the right starting at 1
     * @throws IllegalArgumentException for text longer than 40 characters, whose weights overflow a long
     */
    public static long weightedSum(CharSequence text) {
        if (text.length() > 40) {
            throw new IllegalArgumentException("weighted sum of more than 40 characters overflows");
        }
        long sum = 0;
        for (int i = 0; i < text.length(); i++) {
            int n = text.length() - i;
            sum += value(text.charAt(i)) * (1L << n);
        }
        return sum;
    }
}
