package org.openapheresis.server.teaching;

import static org.openapheresis.server.access.Permission.PLANS;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.openapheresis.contract.Node;
import org.openapheresis.server.http.Call;
import org.openapheresis.server.http.FeatureRoutes;
import org.openapheresis.server.http.Route;
import org.openapheresis.system.Range;

/**
 * {@code POST /api/teaching/cases} draws a teaching case (a new one, or the one of a given {@code seed});
 * {@code POST /api/teaching/reveal} with {@code seed} and the learner's {@code procedure} answers the plan as the
 * learner saw it ({@code planned}), the plan of this patient with the hidden parameters ({@code actual}), and the
 * parameters ({@code hidden}). No patient data: nothing is stored or audited.
 */
public final class TeachingRoutes implements FeatureRoutes {

    /** Seeds a browser can hold exactly (JSON numbers are doubles there). */
    static final Range SEEDS = Range.of(1, 9_007_199_254_740_991d);

    private final TeachingService teaching;

    public TeachingRoutes(TeachingService teaching) {
        this.teaching = teaching;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/api/teaching/cases", PLANS, "A teaching case: a virtual plasma-exchange patient whose own "
                        + "kinetics are hidden (seed optional: the same seed gives the same case)", Map.of("seed", 42),
                        this::newCase).error(422, "seed is not a whole number from 1 to 2^53 - 1"),
                Route.post("/api/teaching/reveal", PLANS, "How the learner's plan fared for the teaching case: the plan"
                        + " as planned, the plan of this patient, and the hidden parameters", Map.of("seed", 42,
                        "procedure", Map.of("type", "plasma-exchange", "plasmaVolumes", 1.0)), this::reveal)
                        .error(422, "seed missing or out of range, or the procedure cannot be planned (one problem per"
                                + " field)"));
    }

    private void newCase(Call call) {
        OptionalDouble given = OptionalDouble.empty();
        java.util.Optional<Node> body = call.optionalBody();
        if (body.isPresent()) {
            Node f = body.get();
            given = seed(f, false);
            f.rejectUnknown();
            f.throwIfProblems();
        }
        long seed = given.isPresent() ? (long) given.getAsDouble()
                : 1 + java.util.concurrent.ThreadLocalRandom.current().nextLong((long) SEEDS.high());
        call.answer(teaching.generate(seed));
    }

    /** The seed: a whole number a browser holds exactly. */
    private static OptionalDouble seed(Node f, boolean required) {
        OptionalDouble s = f.number("seed", SEEDS, required);
        if (s.isPresent() && s.getAsDouble() != Math.rint(s.getAsDouble())) {
            f.add("seed", org.openapheresis.system.MessageKey.WRONG_TYPE, "a whole number", s.getAsDouble());
            return OptionalDouble.empty();
        }
        return s;
    }

    private void reveal(Call call) {
        Node f = call.body();
        OptionalDouble s = seed(f, true);
        // the procedure must be an object of the one type cases are for; the planner checks the rest of it
        f.child("procedure", true).ifPresent(p -> p.oneOf("type", true, List.of(TeachingService.PROCEDURE)));
        Object procedure = f.raw("procedure");
        f.rejectUnknown();
        f.throwIfProblems();
        call.answer(teaching.reveal((long) s.getAsDouble(), procedure));
    }
}
