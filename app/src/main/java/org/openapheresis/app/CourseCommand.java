package org.openapheresis.app;

import java.util.concurrent.Callable;
import org.openapheresis.contract.CourseRequestReader;
import org.openapheresis.course.CoursePlanner;
import org.openapheresis.course.CourseResult;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.server.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code openapheresis course FILE}: several sessions. */
@Command(name = "course", mixinStandardHelpOptions = true,
        description = "Plan a course of several sessions: a plan request plus schedule or steps. FILE may be -.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the course was written", "2:the input cannot be read or planned (one line per problem)"})
final class CourseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "course request JSON, or - for standard input")
    String file;

    @Option(names = "--format", defaultValue = "json", description = "json (default) or text")
    Format format;

    @Option(names = "--timeline", description = "include the simulated time course of each session and between")
    boolean timeline;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        return InputFile.with(file, err, tree -> {
            CourseResult course = CoursePlanner.plan(CourseRequestReader.read(tree),
                    timeline ? PlanOptions.withTimeline() : PlanOptions.withoutTimeline());
            out.println(format == Format.json ? Json.write(course) : TextReport.course(course));
            out.flush();
            return 0;
        });
    }
}
