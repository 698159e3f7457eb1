package org.openapheresis.gvhd;

/** The overall clinical grade of acute GVHD, 0 to IV, ordered from none to most severe. */
public enum MagicGrade {
    ZERO("0"),
    I("I"),
    II("II"),
    III("III"),
    IV("IV");

    private final String roman;

    MagicGrade(String roman) {
        this.roman = roman;
    }

    /** @return the grade as written, {@code 0}, {@code I}, … {@code IV} */
    public String roman() {
        return roman;
    }

    /** @return whether this grade is the given grade or more severe */
    public boolean atLeast(MagicGrade other) {
        return compareTo(other) >= 0;
    }
}
