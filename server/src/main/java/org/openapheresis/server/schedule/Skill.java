package org.openapheresis.server.schedule;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openapheresis.procedure.ProcedureType;

/** What a nurse is trained to run or care for; a session needs the skills of its procedure and its patient. */
public enum Skill {
    /** Runs a plasma procedure: a therapeutic plasma exchange, or an immunoadsorption (plasma through a column). */
    PLASMA_EXCHANGE("plasma-exchange", "Plasma procedures (plasma exchange, immunoadsorption)"),
    /**
     * Runs a cellular procedure: a collection (HPC, lymphocytes, granulocytes), a leukocytapheresis, a red cell
     * exchange, a photopheresis or an adsorptive cytapheresis.
     */
    CELL_COLLECTION("cell-collection", "Cellular procedures (collections, leukocytapheresis, red cell exchange, "
            + "photopheresis, adsorptive cytapheresis)"),
    /** Cares for a child (a patient under 18 on the day). */
    PAEDIATRIC("paediatric", "Children (under 18 on the day)"),
    /** Connects and cares for a central venous catheter. */
    CENTRAL_LINE("central-line", "Central venous catheters");

    /** Patients younger than this, in whole years on the session's day, are children for the skill. */
    public static final int ADULT_AGE_YEARS = 18;

    private final String code;
    private final String title;

    Skill(String code, String title) {
        this.code = code;
        this.title = title;
    }

    /** @return what the skill covers, in words */
    public String title() {
        return title;
    }

    /** @return every skill as its code and title, for the catalogue */
    public static List<java.util.Map<String, String>> catalog() {
        return Arrays.stream(values()).map(s -> java.util.Map.of("code", s.code, "title", s.title)).toList();
    }

    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }

    public static Optional<Skill> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(Skill::code).toList();
    }

    /**
     * The skills a session needs: its procedure's (none for an infusion), paediatric for a child, central line when
     * the patient's last recorded access was one.
     */
    public static Set<Skill> needed(ProcedureType type, boolean child, boolean centralLine) {
        Set<Skill> s = EnumSet.noneOf(Skill.class);
        if (type == ProcedureType.PLASMA_EXCHANGE || type == ProcedureType.IMMUNOADSORPTION) {
            s.add(PLASMA_EXCHANGE);
        } else if (type.onSeparator()) {
            s.add(CELL_COLLECTION);
        }
        if (child) {
            s.add(PAEDIATRIC);
        }
        if (centralLine) {
            s.add(CENTRAL_LINE);
        }
        return s;
    }
}
