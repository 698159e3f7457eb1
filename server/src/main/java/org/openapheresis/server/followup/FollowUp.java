package org.openapheresis.server.followup;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openapheresis.gvhd.Chimerism;
import org.openapheresis.gvhd.MagicStaging;

/**
 * One recorded follow-up visit: what was entered, and the stages and grade as they were computed when it was
 * recorded (read back as stored, never recomputed, so a later change of the rules does not rewrite it).
 *
 * @param id the record's id
 * @param patientId the patient seen
 * @param visitAt when the patient was seen
 * @param entered the findings as entered, in their units
 * @param staging the MAGIC stages and grade computed at recording, each with its rule
 * @param gradingSystem the grading system that computed them, e.g. {@code MAGIC}
 * @param gradingVersion its version, e.g. {@code Harris 2016}
 * @param gradingSource its citation
 * @param chimerism the chimerism results of the visit, in the order entered
 * @param corrects the record this one corrects, if it is a correction
 * @param correctionReason why, for a correction
 * @param recordedAt when it was recorded
 * @param recordedBy who recorded it
 */
public record FollowUp(String id, String patientId, Instant visitAt, Entered entered, MagicStaging staging,
        String gradingSystem, String gradingVersion, String gradingSource, List<Chimerism> chimerism,
        Optional<String> corrects, Optional<String> correctionReason, Instant recordedAt, String recordedBy) {

    public FollowUp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(visitAt, "visitAt");
        Objects.requireNonNull(entered, "entered");
        Objects.requireNonNull(staging, "staging");
        chimerism = List.copyOf(chimerism);
        if (corrects.isPresent() != correctionReason.isPresent()) {
            throw new IllegalArgumentException("a correction names the record it corrects and why; a first record neither");
        }
    }

    /**
     * The findings as staff entered them. Kept as plain values (not the core's finding records) so that a record
     * made under older plausibility bounds can still be read.
     *
     * @param activeRashBodySurfacePercent active rash, % of the body surface
     * @param erythrodermaWithBullae generalized erythroderma with bullous formation and desquamation
     * @param totalBilirubinMgPerDl total bilirubin staged, mg/dL
     * @param totalBilirubinMicromolPerL the bilirubin as entered in µmol/L, when it was
     * @param upperGiPersistent persistent nausea, vomiting or anorexia
     * @param stoolOutputMlPerDay an adult's stool output, mL/day
     * @param stoolOutputMlPerKgPerDay a child's stool output, mL/kg/day
     * @param severeAbdominalPain severe abdominal pain with or without ileus
     * @param grosslyBloodyStool grossly bloody stool
     */
    public record Entered(double activeRashBodySurfacePercent, boolean erythrodermaWithBullae,
            double totalBilirubinMgPerDl, Optional<Double> totalBilirubinMicromolPerL, boolean upperGiPersistent,
            Optional<Double> stoolOutputMlPerDay, Optional<Double> stoolOutputMlPerKgPerDay, boolean severeAbdominalPain,
            boolean grosslyBloodyStool) {
    }

    /**
     * A visit as the list shows it: the record and the record that corrects it, if any.
     *
     * @param visit the record
     * @param correctedBy the id of the record that corrects it; empty for the current record
     */
    public record View(FollowUp visit, Optional<String> correctedBy) {
    }
}
