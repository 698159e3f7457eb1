package org.openapheresis.server.schedule.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.server.schedule.Week.CHAIR_1;
import static org.openapheresis.server.schedule.Week.MOREAU;
import static org.openapheresis.server.schedule.Week.OPTIA_1;
import static org.openapheresis.server.schedule.Week.TANAKA;
import static org.openapheresis.server.schedule.Week.VERIFIER;
import static org.openapheresis.server.schedule.Week.at;
import static org.openapheresis.server.schedule.Week.collection;
import static org.openapheresis.server.schedule.Week.exchange;
import static org.openapheresis.server.schedule.Week.session;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.server.schedule.Skill;

class NurseHasSkillTest {

    private static final NurseHasSkill RULE = new NurseHasSkill();

    @Test
    void a_nurse_trained_only_for_exchanges_may_not_run_a_collection() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(collection().at(at(0, 8, 0), OPTIA_1, CHAIR_1, TANAKA))
                .penalizesBy(270);
    }

    @Test
    void a_child_with_a_central_line_needs_both_skills_beside_the_procedure() {
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(session(ProcedureType.PLASMA_EXCHANGE, 90, Skill.needed(ProcedureType.PLASMA_EXCHANGE, true,
                        true)).at(at(0, 8, 0), OPTIA_1, CHAIR_1, TANAKA))
                .penalizesBy(120);
        VERIFIER.verifyThat((p, f) -> RULE.define(f))
                .given(session(ProcedureType.PLASMA_EXCHANGE, 90, Skill.needed(ProcedureType.PLASMA_EXCHANGE, true,
                        true)).at(at(0, 8, 0), OPTIA_1, CHAIR_1, MOREAU),
                        exchange().at(at(0, 8, 0), OPTIA_1, CHAIR_1, TANAKA),
                        session(ProcedureType.IVIG_INFUSION, 60, Set.of()).at(at(0, 8, 0), null, CHAIR_1, TANAKA))
                .hasNoImpact();
    }

    @Test
    void an_immunoadsorption_is_a_plasma_procedure_and_a_photopheresis_a_cellular_one() {
        assertThat(Skill.needed(ProcedureType.IMMUNOADSORPTION, false, false)).containsExactly(Skill.PLASMA_EXCHANGE);
        assertThat(Skill.needed(ProcedureType.PHOTOPHERESIS, false, false)).containsExactly(Skill.CELL_COLLECTION);
        assertThat(Skill.needed(ProcedureType.IVIG_INFUSION, false, false)).isEmpty();
    }
}
