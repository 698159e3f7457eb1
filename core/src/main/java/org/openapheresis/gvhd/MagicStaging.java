package org.openapheresis.gvhd;

import java.util.List;
import java.util.Objects;

/**
 * The MAGIC organ stages of one visit and the overall grade computed from them (Harris 2016), each with the
 * sentence a user can check against the table.
 *
 * @param skin skin stage 0-4
 * @param liver liver stage 0-4
 * @param upperGi upper GI stage 0-1
 * @param lowerGi lower GI stage 0-4
 * @param grade the overall grade
 * @param gradeRule the grade's row of the table and the organ stages that reached it
 */
public record MagicStaging(OrganStage skin, OrganStage liver, OrganStage upperGi, OrganStage lowerGi, MagicGrade grade,
        String gradeRule) {

    public MagicStaging {
        Objects.requireNonNull(skin, "skin");
        Objects.requireNonNull(liver, "liver");
        Objects.requireNonNull(upperGi, "upperGi");
        Objects.requireNonNull(lowerGi, "lowerGi");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(gradeRule, "gradeRule");
        if (skin.organ() != Organ.SKIN || liver.organ() != Organ.LIVER || upperGi.organ() != Organ.UPPER_GI
                || lowerGi.organ() != Organ.LOWER_GI) {
            throw new IllegalArgumentException("organ stages given in the wrong places");
        }
    }

    /** @return the four organ stages in the order of the MAGIC table: skin, liver, upper GI, lower GI */
    public List<OrganStage> stages() {
        return List.of(skin, liver, upperGi, lowerGi);
    }
}
