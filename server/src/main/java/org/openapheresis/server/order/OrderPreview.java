package org.openapheresis.server.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openapheresis.course.CourseResult;
import org.openapheresis.procedure.Plan;
import org.openapheresis.safety.Warning;
import org.openapheresis.server.guideline.GuidelineMatch;

/**
 * What an order would be, before it is written: planned from the patient's record as the order will be, with the
 * candidacy warnings the physician will have to acknowledge and the guideline row.
 *
 * @param planRequest the plan request built from the record (contract plan-v1)
 * @param plan its plan, with the timeline for charts
 * @param course the course, when more than one session is ordered
 * @param warnings candidacy warnings, then the plan's own
 * @param guideline the guideline row the indication and procedure match (absent without an indication)
 */
public record OrderPreview(Map<String, Object> planRequest, Plan plan,
        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<CourseResult> course, List<Warning> warnings,
        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<GuidelineMatch> guideline) {
}
