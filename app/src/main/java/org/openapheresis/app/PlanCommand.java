package org.openapheresis.app;

import org.openapheresis.contract.PlanRequestReader;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.Planner;
import org.openapheresis.uncertainty.Uncertainty;
import picocli.CommandLine.Command;

/** {@code openapheresis plan FILE}: one session. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plan one procedure from a plan request (contract plan-v1). FILE may be - for stdin.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the plan was written", "2:the input cannot be read or planned (one line per problem)"})
final class PlanCommand extends RequestCommand<Plan> {

    @Override
    Plan compute(Object tree, PlanOptions options, int virtualPatients) {
        PlanRequest request = PlanRequestReader.read(tree);
        Plan plan = Planner.plan(request, options);
        return virtualPatients == 0 ? plan
                : plan.withUncertainty(Uncertainty.plan(request, virtualPatients, Uncertainty.DEFAULT_SEED));
    }

    @Override
    String text(Plan plan) {
        return TextReport.plan(plan);
    }
}
