package org.openapheresis.gvhd;

import java.util.Objects;

/**
 * The stage of one organ and the rule it came from, in words a user can check against the table, e.g.
 * {@code liver stage 2: total bilirubin 4.0 mg/dL is 3.1–6 mg/dL (MAGIC, Harris 2016)}.
 *
 * @param organ the organ staged
 * @param stage 0 to 4 (0 to 1 for upper GI)
 * @param rule the finding and the row of the MAGIC table that gave the stage
 */
public record OrganStage(Organ organ, int stage, String rule) {

    public OrganStage {
        Objects.requireNonNull(organ, "organ");
        Objects.requireNonNull(rule, "rule");
        if (stage < 0 || stage > organ.maxStage()) {
            throw new IllegalArgumentException(organ.label() + " has no stage " + stage);
        }
    }

    static OrganStage of(Organ organ, int stage, String finding) {
        return new OrganStage(organ, stage, organ.label() + " stage " + stage + ": " + finding + " " + Magic2016.CITED);
    }
}
