package org.openapheresis.isbt128;

import java.util.Arrays;
import java.util.Optional;

/**
 * The type of collection in the 6th position ({@code t}) of a Product Code whose family carries one (ST-001 v6.2.2
 * §2.4.3, Table 7 [RT008]).
 *
 * @see <a href="https://www.isbt128.org">ICCBBA ST-001 v6.2.2 Table 7</a>
 */
public enum CollectionType {
    NOT_SPECIFIED('0', "not specified"),
    VOLUNTEER_ALLOGENEIC('V', "volunteer homologous (allogeneic), the default"),
    VOLUNTEER_RESEARCH('R', "volunteer research, not for human application"),
    VOLUNTEER_SOURCE('S', "volunteer source"),
    VOLUNTEER_THERAPEUTIC('T', "volunteer therapeutic"),
    PAID_ALLOGENEIC('P', "paid homologous (allogeneic)"),
    PAID_RESEARCH('r', "paid research, not for human application"),
    PAID_SOURCE('s', "paid source"),
    AUTOLOGOUS_ELIGIBLE_FOR_CROSSOVER('A', "autologous, eligible for crossover"),
    AUTOLOGOUS_ONLY('1', "for autologous use only"),
    AUTOLOGOUS_ONLY_BIOHAZARD('X', "for autologous use only, biohazard"),
    VOLUNTEER_DIRECTED_ELIGIBLE_FOR_CROSSOVER('D', "volunteer directed, eligible for crossover"),
    PAID_DIRECTED_ELIGIBLE_FOR_CROSSOVER('d', "paid directed, eligible for crossover"),
    DIRECTED_RECIPIENT_ONLY('2', "for directed recipient use only"),
    DIRECTED_RECIPIENT_ONLY_LIMITED_EXPOSURE('L', "for directed recipient use only, limited exposure"),
    MEDICAL_EXCEPTION('E', "medical exception, for specified recipient only (allogeneic)"),
    SEE_SPECIAL_TESTING('Q', "see (scan) the Special Testing bar code"),
    DIRECTED_RECIPIENT_ONLY_BIOHAZARD('3', "for directed recipient use only, biohazard"),
    DESIGNATED('4', "designated"),
    DEDICATED('5', "dedicated"),
    DESIGNATED_BIOHAZARD('6', "designated, biohazard"),
    FAMILY_RESERVED('F', "family reserved"),
    REPLACEMENT('C', "replacement"),
    ALLOGENEIC_USE('7', "for allogeneic use"),
    AUTOLOGOUS_CONTAINS_ALLOGENEIC('8', "for autologous use, contains allogeneic material"),
    DIRECTED_ONLY('B', "directed/dedicated/designated collection use only"),
    DIRECTED_BIOHAZARDOUS('H', "directed/dedicated/designated collection, biohazardous"),
    DIRECTED_ELIGIBLE_FOR_CROSSOVER('J', "directed/dedicated/designated collection, eligible for crossover"),
    EMERGENCY_ONLY('G', "for emergency use only");

    private final char code;
    private final String description;

    CollectionType(char code, String description) {
        this.code = code;
        this.description = description;
    }

    /** @return the character in the Product Code */
    public char code() {
        return code;
    }

    /** @return the meaning, after ST-001 Table 7 */
    public String description() {
        return description;
    }

    /** @return the type of a character, or empty when Table 7 has none */
    public static Optional<CollectionType> of(char code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst();
    }
}
