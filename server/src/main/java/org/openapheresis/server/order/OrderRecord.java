package org.openapheresis.server.order;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openapheresis.server.candidacy.CheckWarning;

/**
 * A prescription as stored and answered.
 *
 * @param id id
 * @param version optimistic-locking version
 * @param patientId the patient or donor
 * @param indication {@code {"code": ICD-10, "text"}}
 * @param procedure the plan request's procedure object, as validated by the core reader
 * @param recipient the plan request's recipient object (cell collections), or null
 * @param schedule the course schedule ({@code {"sessions", "intervalHours"}}), or null
 * @param guideline the guideline category with its source
 * @param plan the plan (contract plan-v1) computed from the patient record and latest labs
 * @param warnings candidacy checks and plan warnings that need acknowledgement
 * @param acknowledgements who acknowledged which warning, when
 * @param status {@code unsigned} or {@code signed}
 * @param createdAt created
 * @param createdBy created by (a physician)
 * @param signedAt signed, or null
 * @param signedBy signing physician, or null
 */
public record OrderRecord(String id, int version, String patientId, Map<String, String> indication, Object procedure,
        Object recipient, Object schedule, Map<String, Object> guideline, Object plan, List<CheckWarning> warnings,
        List<Acknowledgement> acknowledgements, String status, Instant createdAt, String createdBy, Instant signedAt,
        String signedBy) {

    public static final String UNSIGNED = "unsigned";
    public static final String SIGNED = "signed";

    /**
     * An acknowledged warning.
     *
     * @param code warning code
     * @param acknowledgedBy user name
     * @param acknowledgedAt time
     */
    public record Acknowledgement(String code, String acknowledgedBy, Instant acknowledgedAt) {
    }

    public boolean acknowledged(String code) {
        return acknowledgements.stream().anyMatch(a -> a.code().equals(code));
    }
}
