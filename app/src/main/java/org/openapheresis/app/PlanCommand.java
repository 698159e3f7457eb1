package org.openapheresis.app;

import java.util.concurrent.Callable;
import org.openapheresis.contract.PlanRequestReader;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.Planner;
import org.openapheresis.server.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code openapheresis plan FILE}: one session. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plan one procedure from a plan request (contract plan-v1). FILE may be - for stdin.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the plan was written", "2:the input cannot be read or planned (one line per problem)"})
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "plan request JSON, or - for standard input")
    String file;

    @Option(names = "--format", defaultValue = "json", description = "json (default) or text")
    Format format;

    @Option(names = "--timeline", description = "include the simulated time course")
    boolean timeline;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        return InputFile.with(file, err, tree -> {
            Plan plan = Planner.plan(PlanRequestReader.read(tree),
                    timeline ? PlanOptions.withTimeline() : PlanOptions.withoutTimeline());
            out.println(format == Format.json ? Json.write(plan) : TextReport.plan(plan));
            out.flush();
            return 0;
        });
    }
}
