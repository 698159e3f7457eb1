package org.openapheresis.server.schedule;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.constructionheuristic.decider.forager.ConstructionHeuristicForagerConfig;
import ai.timefold.solver.core.config.constructionheuristic.decider.forager.ConstructionHeuristicPickEarlyType;
import ai.timefold.solver.core.config.constructionheuristic.placer.QueuedEntityPlacerConfig;
import ai.timefold.solver.core.config.heuristic.selector.common.SelectionCacheType;
import ai.timefold.solver.core.config.heuristic.selector.common.SelectionOrder;
import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.CartesianProductMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.value.ValueSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.AcceptorType;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.openapheresis.server.schedule.constraint.Breach;
import org.openapheresis.server.schedule.constraint.WeekConstraints;

/**
 * The constraint solver over a {@link WeekPlan}: one solver factory per server (building it reads the domain and
 * compiles the rules), a solver per request, always stopped by a spent limit; and the score explained in words.
 */
public final class WeekSolver {

    /** The explanation's rule for sessions the solver had no time to place (not a rule of the score). */
    public static final String NOT_PLACED = "session not placed";
    /** The explanation's rule for sessions owed that the window offers no start at all (not a rule of the score). */
    public static final String NO_START = "session has no start in the window";
    /** Most sentences one rule's explanation lists; the count says how many there were. */
    public static final int MAX_SENTENCES_PER_RULE = 20;
    /** How long hill climbing may find nothing better before late acceptance takes over. */
    static final Duration CLIMB_UNIMPROVED = Duration.ofMillis(700);

    private final SolverFactory<WeekPlan> factory;
    private final SolutionManager<WeekPlan, HardMediumSoftScore> explainer;

    public WeekSolver() {
        this.factory = factory();
        this.explainer = SolutionManager.create(factory);
    }

    /**
     * The solver: the construction phases, then two local searches over the same moves. Hill climbing first: it
     * accepts no move that makes the plan worse, so it moves a booked session only where that buys a hard rule kept
     * (a week mostly booked, with an urgent session to fit, is repaired moving few); once it has found nothing better
     * for {@link #CLIMB_UNIMPROVED}, late acceptance, which walks through plans no better than the last to get out of
     * where hill climbing is stuck (and on the way moves booked sessions more freely).
     */
    private static SolverFactory<WeekPlan> factory() {
        LocalSearchPhaseConfig climb = new LocalSearchPhaseConfig().withMoveSelectorConfig(moves())
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withAcceptorTypeList(List.of(
                        AcceptorType.HILL_CLIMBING)))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1))
                .withTerminationConfig(new TerminationConfig().withUnimprovedSpentLimit(CLIMB_UNIMPROVED));
        LocalSearchPhaseConfig wander = new LocalSearchPhaseConfig().withMoveSelectorConfig(moves());
        return SolverFactory.create(new SolverConfig().withSolutionClass(WeekPlan.class)
                .withEntityClasses(PlannedSession.class).withConstraintProviderClass(WeekConstraints.class)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofSeconds(5)))
                .withPhases(place(OnSeparator.class, "startMinute", "machine"), place(OnSeparator.class, "chair"),
                        place(OnSeparator.Off.class, "startMinute", "chair"), place(null, "nurse"), climb, wander));
    }

    private static MoveSelectorConfig moves() {
        return new UnionMoveSelectorConfig().withMoveSelectors(new ChangeMoveSelectorConfig(),
                new SwapMoveSelectorConfig(), together("startMinute", "machine"), together("startMinute", "chair"),
                together("startMinute", "nurse"));
    }

    /**
     * A construction phase that gives each session (of those {@code only} accepts, or all) the variables named,
     * together (their Cartesian product), the hardest sessions first ({@link PlacingOrder}), taking the first value
     * that breaks no more hard rules (soft ones are the local search's: weighing them here makes every value worse
     * than none, so each session would try them all). The solver's default
     * builds the product of all four variables (about 250 starts times the machines, chairs and nurses for every
     * session), which on a unit's week does not finish within seconds. Separator sessions get time and machine
     * together, then a chair; infusions then get time and chair together in what is left (placed with the machine
     * sessions, with no machine to hold them apart, they would all take the first morning's chairs); then every
     * session a nurse; local search improves the whole.
     */
    private static ConstructionHeuristicPhaseConfig place(
            Class<? extends ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter> only,
            String... variables) {
        String placer = "placer-" + (only == null ? "all" : only.getSimpleName()) + "-" + String.join("-", variables);
        EntitySelectorConfig entities = new EntitySelectorConfig().withId(placer).withCacheType(SelectionCacheType.PHASE)
                .withSelectionOrder(SelectionOrder.SORTED).withSorterComparatorClass(PlacingOrder.Hardest.class);
        if (only != null) {
            entities.withFilterClass(only);
        }
        List<MoveSelectorConfig> changes = new ArrayList<>();
        for (String v : variables) {
            ValueSelectorConfig values = new ValueSelectorConfig(v);
            if (v.equals("machine")) {
                values.withCacheType(SelectionCacheType.PHASE).withSelectionOrder(SelectionOrder.SORTED)
                        .withSorterComparatorClass(PlacingOrder.NarrowestMachine.class);
            }
            changes.add(new ChangeMoveSelectorConfig()
                    .withEntitySelectorConfig(EntitySelectorConfig.newMimicSelectorConfig(placer))
                    .withValueSelectorConfig(values));
        }
        MoveSelectorConfig moves = changes.size() == 1 ? changes.get(0)
                : new CartesianProductMoveSelectorConfig(changes);
        return new ConstructionHeuristicPhaseConfig()
                .withEntityPlacerConfig(new QueuedEntityPlacerConfig()
                        .withEntitySelectorConfig(entities)
                        .withMoveSelectorConfigs(moves))
                .withForagerConfig(new ConstructionHeuristicForagerConfig()
                        .withPickEarlyType(ConstructionHeuristicPickEarlyType.FIRST_FEASIBLE_SCORE_OR_NON_DETERIORATING_HARD));
    }

    /**
     * A local-search move that changes two variables of one session at once: a session moved in time usually
     * needs another machine, chair or nurse there, and one change at a time passes through a clash.
     */
    private static MoveSelectorConfig together(String first, String second) {
        String entity = "together-" + first + "-" + second;
        return new CartesianProductMoveSelectorConfig(List.of(
                new ChangeMoveSelectorConfig().withEntitySelectorConfig(new EntitySelectorConfig().withId(entity))
                        .withValueSelectorConfig(new ValueSelectorConfig(first)),
                new ChangeMoveSelectorConfig().withEntitySelectorConfig(EntitySelectorConfig.newMimicSelectorConfig(
                        entity)).withValueSelectorConfig(new ValueSelectorConfig(second))));
    }

    /**
     * The best score found at a time of the run.
     *
     * @param afterMs milliseconds after the solver started
     * @param score the best score then
     * @param placed whether every session had its start, chair and nurse then (a score of a plan still being built
     *     counts only what is placed, so its zero hard means nothing yet)
     */
    public record Progress(long afterMs, HardMediumSoftScore score, boolean placed) {

        /** @return true when the plan then was whole and broke no hard rule */
        public boolean feasible() {
            return placed && score.isFeasible();
        }
    }

    /**
     * One rule that counts against a plan.
     *
     * @param rule the rule's name
     * @param level hard, medium or soft
     * @param score what it costs, e.g. {@code -45hard}
     * @param matches how many times it counts
     * @param sentences who and what, in words (the first {@link #MAX_SENTENCES_PER_RULE})
     */
    public record Broken(String rule, String level, String score, int matches, List<String> sentences) {
        public Broken {
            sentences = List.copyOf(sentences);
        }
    }

    /**
     * A plan solved.
     *
     * @param plan the best plan found
     * @param score its score
     * @param explanation every rule that counts against it, hard first
     * @param solvedMs the solver's wall time
     * @param unplaced the sessions not placed: by key, those the solver had no time to give a start, chair and nurse
     *     (its score does not count them: every rule looks only at what is placed); in words, those the window
     *     offered no start at all ({@link #withLeftOut})
     */
    public record Solved(WeekPlan plan, HardMediumSoftScore score, List<Broken> explanation, long solvedMs,
            List<String> unplaced) {
        public Solved {
            Objects.requireNonNull(plan, "plan");
            explanation = List.copyOf(explanation);
            unplaced = List.copyOf(unplaced);
        }

        /** @return true when every session is placed and no hard rule is broken */
        public boolean feasible() {
            return unplaced.isEmpty() && score.isFeasible();
        }

        /**
         * This plan with the sessions the window offered no start ({@link WeekProblem#leftOut()}) counted unplaced
         * and named, first, under {@link #NO_START}.
         */
        public Solved withLeftOut(List<String> leftOut) {
            if (leftOut.isEmpty()) {
                return this;
            }
            List<Broken> more = new ArrayList<>();
            more.add(new Broken(NO_START, "hard", "unscored", leftOut.size(), leftOut.stream()
                    .limit(MAX_SENTENCES_PER_RULE).toList()));
            more.addAll(explanation);
            List<String> all = new ArrayList<>(unplaced);
            all.addAll(leftOut);
            return new Solved(plan, score, more, solvedMs, all);
        }
    }

    /** Solves until the spent limit (and, when given, until the best score stops improving for that long). */
    public Solved solve(WeekPlan problem, Duration spentLimit, Duration unimprovedLimit, Consumer<Progress> progress) {
        TerminationConfig t = new TerminationConfig().withSpentLimit(spentLimit);
        if (unimprovedLimit != null) {
            t.withUnimprovedSpentLimit(unimprovedLimit);
        }
        Solver<WeekPlan> solver = factory.buildSolver(new SolverConfigOverride<WeekPlan>().withTerminationConfig(t));
        long started = System.nanoTime();
        solver.addEventListener(e -> progress.accept(new Progress((System.nanoTime() - started) / 1_000_000,
                (HardMediumSoftScore) e.getNewBestScore(), e.getNewBestSolution().getSessions().stream().allMatch(
                        PlannedSession::placed))));
        WeekPlan best = solver.solve(problem);
        long ms = (System.nanoTime() - started) / 1_000_000;
        List<String> unplaced = best.getSessions().stream().filter(x -> !x.placed()).map(PlannedSession::getKey)
                .toList();
        List<Broken> explanation = new ArrayList<>();
        if (!unplaced.isEmpty()) {
            explanation.add(new Broken(NOT_PLACED, "hard", "unscored", unplaced.size(), unplaced.stream()
                    .limit(MAX_SENTENCES_PER_RULE).map(k -> k + " has no start, chair or nurse yet: give the solver "
                            + "more time").toList()));
        }
        explanation.addAll(explain(best));
        return new Solved(best, best.getScore(), explanation, ms, unplaced);
    }

    /** The rules that count against a plan, in words (the costliest first: hard before medium before soft). */
    public List<Broken> explain(WeekPlan plan) {
        ScoreAnalysis<HardMediumSoftScore> a = explainer.analyze(plan, ScoreAnalysisFetchPolicy.FETCH_ALL);
        List<Broken> out = new ArrayList<>();
        List<ConstraintAnalysis<HardMediumSoftScore>> worstFirst = a.constraintAnalyses().stream()
                .sorted(Comparator.comparing(ConstraintAnalysis::score)).toList();
        for (ConstraintAnalysis<HardMediumSoftScore> c : worstFirst) {
            HardMediumSoftScore s = c.score();
            if (s.equals(HardMediumSoftScore.ZERO)) {
                continue;
            }
            List<String> sentences = c.matches().stream().sorted(Comparator.comparing(MatchAnalysis::score))
                    .map(m -> m.justification() instanceof Breach b ? b.text() : String.valueOf(m.justification()))
                    .limit(MAX_SENTENCES_PER_RULE).toList();
            String level = s.hardScore() != 0 ? "hard" : s.mediumScore() != 0 ? "medium" : "soft";
            out.add(new Broken(c.constraintName(), level, s.toShortString(), c.matchCount(), sentences));
        }
        return out;
    }

    /**
     * The hard rules a plan breaks where they concern one session: what they cost it (the sum of their hard
     * penalties, 0 or less) and each breach in words.
     */
    public record HardOf(int hard, List<String> sentences) {
        public HardOf {
            sentences = List.copyOf(sentences);
        }
    }

    /** The hard breaches of a plan that concern the session of {@code key}. */
    public HardOf hardOf(WeekPlan plan, String key) {
        return hardOf(plan, key, Set.of());
    }

    /** The hard breaches of a plan that concern the session of {@code key}, but those of the rules {@code except}. */
    public HardOf hardOf(WeekPlan plan, String key, Set<String> except) {
        ScoreAnalysis<HardMediumSoftScore> a = explainer.analyze(plan, ScoreAnalysisFetchPolicy.FETCH_ALL);
        int hard = 0;
        List<String> sentences = new ArrayList<>();
        for (ConstraintAnalysis<HardMediumSoftScore> c : a.constraintAnalyses()) {
            if (except.contains(c.constraintName())) {
                continue;
            }
            for (MatchAnalysis<HardMediumSoftScore> m : c.matches()) {
                if (m.score().hardScore() < 0 && m.justification() instanceof Breach b && b.sessions().contains(key)) {
                    hard += m.score().hardScore();
                    sentences.add(c.constraintName() + ": " + b.text());
                }
            }
        }
        return new HardOf(hard, sentences);
    }

    /** The score of a plan as it stands, without solving (for a check of a plan made elsewhere). */
    public HardMediumSoftScore score(WeekPlan plan) {
        return explainer.update(plan);
    }
}
