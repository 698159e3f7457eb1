package org.openapheresis.app;

import org.openapheresis.contract.CourseRequestReader;
import org.openapheresis.course.CoursePlanner;
import org.openapheresis.course.CourseRequest;
import org.openapheresis.uncertainty.Uncertainty;
import org.openapheresis.course.CourseResult;
import org.openapheresis.procedure.PlanOptions;
import picocli.CommandLine.Command;

/** {@code openapheresis course FILE}: several sessions. */
@Command(name = "course", mixinStandardHelpOptions = true,
        description = "Plan a course of several sessions: a plan request plus schedule or steps. FILE may be -.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the course was written", "2:the input cannot be read or planned (one line per problem)"})
final class CourseCommand extends RequestCommand<CourseResult> {

    @Override
    CourseResult compute(Object tree, PlanOptions options, int virtualPatients) {
        CourseRequest request = CourseRequestReader.read(tree);
        CourseResult course = CoursePlanner.plan(request, options);
        return virtualPatients == 0 ? course
                : course.withUncertainty(Uncertainty.course(request, virtualPatients, Uncertainty.DEFAULT_SEED));
    }

    @Override
    String text(CourseResult course) {
        return TextReport.course(course);
    }
}
