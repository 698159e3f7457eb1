package org.openapheresis.isbt128;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * Data Structure 002, Blood Groups [ABO and RhD], {@code =%ggre} (ST-001 v6.2.2 §2.4.2).
 *
 * <p>{@code gg} is read through the ABO and RhD rows of ST-001 Table 4 [RT005]: the eight groups O, A, B, AB, each
 * RhD negative or positive, in each of the eight types of collection information of the table's columns. The other
 * codes of Table 4 (ABO without RhD, para-Bombay and Bombay, pooled groups, A1/A2 subgroups) and the special messages
 * of Table 5 [RT006] are not in this codec's table and are refused as unknown, never guessed.
 *
 * <p>{@code r} (Rh, Kell or Mi<sup>a</sup>/Mur phenotype, ST-001 Table 6 [RT007]) is kept as its character, {@code 0}
 * when the structure carries no phenotype; {@code e} is reserved and always {@code 0}.
 *
 * @param abo the ABO group
 * @param rhD the RhD type
 * @param intendedUse the type of collection information that {@code gg} carries with the group
 * @param phenotype the {@code r} character, {A–Z; 0–9}; {@code 0} for no phenotype information
 * @see <a href="https://www.isbt128.org">ICCBBA ST-001 v6.2.2 §2.4.2, Tables 4–6</a>
 */
public record BloodGroups(Abo abo, RhD rhD, IntendedUse intendedUse, char phenotype) implements DataStructure {

    /** Characters of the data content {@code ggre}. */
    public static final int CONTENT_LENGTH = 4;

    /** ABO group. */
    public enum Abo { O, A, B, AB }

    /** RhD type. */
    public enum RhD { NEGATIVE, POSITIVE }

    /** The columns of ST-001 Table 4: the type of collection information that the code carries with the group. */
    public enum IntendedUse {
        /** Default: intended use not specified. */
        NOT_SPECIFIED,
        /** Directed (dedicated/designated) collection use only. */
        DIRECTED_ONLY,
        /** For emergency use only. */
        EMERGENCY_ONLY,
        /** Directed (dedicated/designated) collection, biohazardous. */
        DIRECTED_BIOHAZARDOUS,
        /** Directed (dedicated/designated) collection, eligible for crossover. */
        DIRECTED_ELIGIBLE_FOR_CROSSOVER,
        /** Autologous collection, eligible for crossover. */
        AUTOLOGOUS_ELIGIBLE_FOR_CROSSOVER,
        /** For autologous use only. */
        AUTOLOGOUS_ONLY,
        /** For autologous use only, biohazardous. */
        AUTOLOGOUS_ONLY_BIOHAZARDOUS
    }

    /**
     * ST-001 v6.2.2 Table 4 [RT005], the ABO and RhD rows: for each group, the codes in the order of
     * {@link IntendedUse}'s constants (the table's columns, left to right).
     */
    private static final Map<Abo, Map<RhD, String[]>> TABLE_4 = table4();
    private static final Map<String, BloodGroups> BY_CODE = byCode();

    public BloodGroups {
        Objects.requireNonNull(abo, "abo");
        Objects.requireNonNull(rhD, "rhD");
        Objects.requireNonNull(intendedUse, "intendedUse");
        List<Problem> problems = new ArrayList<>();
        CharSet.UPPER_OR_DIGIT.check(problems, "bloodGroups.phenotype", String.valueOf(phenotype), 0, 1,
                "Rh, Kell and Mia/Mur phenotype");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** The group with no phenotype information and the type of collection not specified. */
    public static BloodGroups of(Abo abo, RhD rhD) {
        return new BloodGroups(abo, rhD, IntendedUse.NOT_SPECIFIED, '0');
    }

    /** The group with a type of collection and no phenotype information. */
    public static BloodGroups of(Abo abo, RhD rhD, IntendedUse intendedUse) {
        return new BloodGroups(abo, rhD, intendedUse, '0');
    }

    /** @return the group of a {@code gg} code in this codec's table, or empty */
    public static Optional<BloodGroups> ofCode(String gg) {
        return Optional.ofNullable(BY_CODE.get(gg));
    }

    /** Reads {@code =%ggre} at {@code start}; the caller checked that 6 characters are there. */
    static BloodGroups parseAt(String field, String text, int start) {
        int content = start + 2;
        List<Problem> problems = new ArrayList<>();
        CharSet.ANY_ALPHANUMERIC.check(problems, field, text, content, content + 2, "ABO and RhD code");
        CharSet.UPPER_OR_DIGIT.check(problems, field, text, content + 2, content + 3, "Rh, Kell and Mia/Mur phenotype");
        CharSet.UPPER_OR_DIGIT.check(problems, field, text, content + 3, content + 4, "reserved character");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String gg = text.substring(content, content + 2);
        BloodGroups group = BY_CODE.get(gg);
        if (group == null) {
            problems.add(Problem.of(field, MessageKey.UNKNOWN_BLOOD_GROUP_CODE, gg));
        }
        char e = text.charAt(content + 3);
        if (e != '0') {
            problems.add(Problem.of(field, MessageKey.RESERVED_VALUE, String.valueOf(e), "reserved character e"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new BloodGroups(group.abo, group.rhD, group.intendedUse, text.charAt(content + 2));
    }

    /** @return the two-character {@code gg} code of ST-001 Table 4 */
    public String code() {
        return TABLE_4.get(abo).get(rhD)[intendedUse.ordinal()];
    }

    /** @return whether {@code r} carries phenotype information */
    public boolean hasPhenotype() {
        return phenotype != '0';
    }

    @Override
    public DataStructureType type() {
        return DataStructureType.BLOOD_GROUPS;
    }

    @Override
    public String dataContent() {
        return code() + phenotype + "0";
    }

    @Override
    public String encode() {
        return "=%" + dataContent();
    }

    private static Map<Abo, Map<RhD, String[]>> table4() {
        Map<Abo, Map<RhD, String[]>> t = new EnumMap<>(Abo.class);
        row(t, Abo.O, RhD.NEGATIVE, "95", "91", "92", "93", "94", "96", "97", "98");
        row(t, Abo.O, RhD.POSITIVE, "51", "47", "48", "49", "50", "52", "53", "54");
        row(t, Abo.A, RhD.NEGATIVE, "06", "02", "03", "04", "05", "07", "08", "09");
        row(t, Abo.A, RhD.POSITIVE, "62", "58", "59", "60", "61", "63", "64", "65");
        row(t, Abo.B, RhD.NEGATIVE, "17", "13", "14", "15", "16", "18", "19", "20");
        row(t, Abo.B, RhD.POSITIVE, "73", "69", "70", "71", "72", "74", "75", "76");
        row(t, Abo.AB, RhD.NEGATIVE, "28", "24", "25", "26", "27", "29", "30", "31");
        row(t, Abo.AB, RhD.POSITIVE, "84", "80", "81", "82", "83", "85", "86", "87");
        return t;
    }

    private static void row(Map<Abo, Map<RhD, String[]>> t, Abo abo, RhD rhD, String... codes) {
        if (codes.length != IntendedUse.values().length) {
            throw new IllegalStateException("Table 4 row " + abo + " " + rhD + " needs one code per column");
        }
        t.computeIfAbsent(abo, a -> new EnumMap<>(RhD.class)).put(rhD, codes);
    }

    private static Map<String, BloodGroups> byCode() {
        Map<String, BloodGroups> m = new HashMap<>();
        for (Abo abo : Abo.values()) {
            for (RhD rhD : RhD.values()) {
                for (IntendedUse use : IntendedUse.values()) {
                    String code = TABLE_4.get(abo).get(rhD)[use.ordinal()];
                    if (m.put(code, new BloodGroups(abo, rhD, use, '0')) != null) {
                        throw new IllegalStateException("Table 4 code " + code + " appears twice");
                    }
                }
            }
        }
        return Map.copyOf(m);
    }
}
