package org.openapheresis.server.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan of the week as proposed, before it is booked.
 *
 * @param id id
 * @param from the first day planned
 * @param to the last day planned
 * @param score the solver's score, e.g. {@code 0hard/-2medium/-310soft}
 * @param feasible true when every session is placed and no hard rule is broken (only then may it be booked)
 * @param assignments every session placed that is not pinned: new ones, booked ones moved or kept
 * @param explanation the rules that count against it, in words, the costliest first
 * @param nextSteps when it breaks a hard rule, what the coordinator can do about it ({@link NextStep#of}); none
 *     otherwise (nor on a proposal kept before they were given)
 * @param solvedMs how long the solver ran
 * @param createdAt proposed at
 * @param createdBy proposed by
 */
public record Proposal(String id, LocalDate from, LocalDate to, String score, boolean feasible,
        List<Assignment> assignments, List<WeekSolver.Broken> explanation, List<NextStep> nextSteps, long solvedMs,
        Instant createdAt, String createdBy) {

    public Proposal {
        Objects.requireNonNull(id, "id");
        assignments = List.copyOf(assignments);
        explanation = List.copyOf(explanation);
        nextSteps = nextSteps == null ? List.of() : List.copyOf(nextSteps);
    }

    /** What booking the proposal does to one session. */
    public enum Change {
        /** A session not booked yet: it is scheduled. */
        NEW,
        /** A booked session moved (start, machine, chair or nurse): it is rescheduled. */
        MOVE,
        /** A booked session left where it is that gains the chair or nurse it lacked: it is rescheduled. */
        COMPLETE,
        /** A booked session left as it is. */
        KEEP
    }

    /**
     * One session's place in the proposal.
     *
     * @param sessionId the session, when it is booked already
     * @param sessionVersion the booked session's version the proposal was made on
     * @param orderId the signed order
     * @param sequence its place in the course, from 1
     * @param patientId the patient or donor
     * @param patientName as the schedule shows it
     * @param procedureType contract code
     * @param plannedStart the proposed start
     * @param durationMin how long it holds its machine or chair: run time, set-up and rinseback
     * @param machine the separator's name, none for an infusion
     * @param chair the chair's name
     * @param nurse the nurse's user name
     * @param change what booking it does
     * @param notes what the coordinator tells the patient and the nurse, in words: labs to draw on arrival, time
     *     outside the patient's preferred times (none for a proposal kept before they were given)
     */
    public record Assignment(Optional<String> sessionId, Optional<Integer> sessionVersion, String orderId, int sequence,
            String patientId, String patientName, String procedureType, Instant plannedStart, int durationMin,
            Optional<String> machine, String chair, String nurse, Change change, List<String> notes) {
        public Assignment {
            notes = notes == null ? List.of() : List.copyOf(notes);
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(sessionVersion, "sessionVersion");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(plannedStart, "plannedStart");
            Objects.requireNonNull(machine, "machine");
            Objects.requireNonNull(change, "change");
        }
    }

    /**
     * A proposal booked.
     *
     * @param proposalId the proposal
     * @param scheduled the sessions it scheduled
     * @param rescheduled the booked sessions it moved or completed
     */
    public record Applied(String proposalId, List<org.openapheresis.server.session.SessionRecord> scheduled,
            List<org.openapheresis.server.session.SessionRecord> rescheduled) {
        public Applied {
            scheduled = List.copyOf(scheduled);
            rescheduled = List.copyOf(rescheduled);
        }
    }

    /**
     * A nurse with the skills the unit recorded.
     *
     * @param username user name
     * @param displayName the name people read
     * @param skills skill codes
     */
    public record NurseSkills(String username, String displayName, List<String> skills) {
        public NurseSkills {
            skills = List.copyOf(skills);
        }
    }
}
