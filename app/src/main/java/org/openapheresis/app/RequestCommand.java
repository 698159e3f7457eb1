package org.openapheresis.app;

import java.util.concurrent.Callable;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.server.json.Json;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What the plan and course commands share: read a request file, compute, print JSON or text, and translate
 * input problems to exit code 2.
 *
 * @param <R> the computed result
 */
abstract class RequestCommand<R> implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "request JSON, or - for standard input")
    String file;

    @Option(names = "--format", defaultValue = "json", description = "json (default) or text")
    Format format;

    @Option(names = "--timeline", description = "include the simulated time course")
    boolean timeline;

    @Option(names = "--uncertainty", paramLabel = "N", defaultValue = "0",
            description = "add 5/50/95%% bands over N virtual patients (10-10000; seeded, reproducible)")
    int uncertainty;

    /** Validates the parsed request and computes the result (with bands over {@code uncertainty} patients if > 0). */
    abstract R compute(Object tree, PlanOptions options, int virtualPatients);

    /** The result as text a nurse can follow. */
    abstract String text(R result);

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        return InputFile.with(file, spec.commandLine().getErr(), tree -> {
            R result = compute(tree, timeline ? PlanOptions.withTimeline() : PlanOptions.withoutTimeline(), uncertainty);
            out.println(format == Format.json ? Json.write(result) : text(result));
            out.flush();
            return 0;
        });
    }
}
