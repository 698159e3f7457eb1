package org.openapheresis.gvhd;

/**
 * Upper GI at a follow-up visit. MAGIC has two upper GI stages (BMJ Best Practice page on MAGIC criteria): 0,
 * "no or intermittent nausea, vomiting, or anorexia"; 1, "persistent nausea, vomiting or anorexia".
 *
 * @param persistentNauseaVomitingOrAnorexia whether nausea, vomiting or anorexia is persistent (not intermittent)
 */
public record UpperGiFinding(boolean persistentNauseaVomitingOrAnorexia) {

    /** @return the MAGIC upper GI stage and the row that gave it */
    public OrganStage stage() {
        return persistentNauseaVomitingOrAnorexia
                ? OrganStage.of(Organ.UPPER_GI, 1, "persistent nausea, vomiting or anorexia")
                : OrganStage.of(Organ.UPPER_GI, 0, "no or intermittent nausea, vomiting or anorexia");
    }
}
