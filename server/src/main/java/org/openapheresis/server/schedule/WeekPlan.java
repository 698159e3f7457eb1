package org.openapheresis.server.schedule;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import java.util.List;

/**
 * A week to plan: the planning solution. The unit's machines, chairs and nurses, its rules, and the sessions to
 * place (each with the starts it may take). Scored hard (may it be booked), medium (moves of sessions already
 * booked) and soft (kindness to patients and staff).
 */
@PlanningSolution
public class WeekPlan {

    static final String MACHINES = "machines";
    static final String CHAIRS = "chairs";
    static final String NURSES = "nurses";

    @ProblemFactProperty
    private UnitRules rules;
    @ValueRangeProvider(id = MACHINES)
    @ProblemFactCollectionProperty
    private List<UnitMachine> machines;
    @ValueRangeProvider(id = CHAIRS)
    @ProblemFactCollectionProperty
    private List<UnitChair> chairs;
    @ValueRangeProvider(id = NURSES)
    @ProblemFactCollectionProperty
    private List<UnitNurse> nurses;
    @PlanningEntityCollectionProperty
    private List<PlannedSession> sessions;
    @PlanningScore
    private HardMediumSoftScore score;

    /** For the solver's cloning. */
    public WeekPlan() {
    }

    public WeekPlan(UnitRules rules, List<UnitMachine> machines, List<UnitChair> chairs,
            List<UnitNurse> nurses, List<PlannedSession> sessions) {
        this.rules = rules;
        this.machines = new java.util.ArrayList<>(machines);
        this.chairs = new java.util.ArrayList<>(chairs);
        this.nurses = new java.util.ArrayList<>(nurses);
        this.sessions = new java.util.ArrayList<>(sessions);
        java.util.Map<String, Integer> fewest = new java.util.HashMap<>();
        sessions.forEach(s -> fewest.merge(s.getOrderId(), s.getPossibleStarts().size(), Math::min));
        sessions.forEach(s -> s.courseFewestStarts(fewest.get(s.getOrderId())));
    }

    public UnitRules getRules() {
        return rules;
    }

    public List<UnitMachine> getMachines() {
        return machines;
    }

    public List<UnitChair> getChairs() {
        return chairs;
    }

    public List<UnitNurse> getNurses() {
        return nurses;
    }

    public List<PlannedSession> getSessions() {
        return sessions;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }
}
