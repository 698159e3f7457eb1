package org.openapheresis.server.schedule;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.openapheresis.server.db.Times;
import org.openapheresis.server.json.Json;

/** Nurses' skills and the week's proposals in the database: SQL only, in the caller's handle. */
public final class ScheduleStore {

    /**
     * A proposal as stored.
     *
     * @param proposal the proposal
     * @param basis the digest of the data it was made on
     * @param appliedAt when it was booked, if it was
     */
    public record Stored(Proposal proposal, String basis, Optional<Instant> appliedAt) {
    }

    /** Every nurse's skills, by user name. */
    public Map<String, Set<Skill>> skills(Handle h) {
        Map<String, Set<Skill>> out = new HashMap<>();
        h.createQuery("SELECT username, skill FROM nurse_skill").map((rs, c) -> Map.entry(rs.getString(1),
                rs.getString(2))).forEach(e -> Skill.fromCode(e.getValue()).ifPresent(s -> out.computeIfAbsent(
                        e.getKey(), k -> EnumSet.noneOf(Skill.class)).add(s)));
        return out;
    }

    /** Replaces a nurse's skills. */
    public void setSkills(Handle h, String username, Set<Skill> skills) {
        h.createUpdate("DELETE FROM nurse_skill WHERE username = :u").bind("u", username).execute();
        for (Skill s : skills) {
            h.createUpdate("INSERT INTO nurse_skill (username, skill) VALUES (:u, :s)").bind("u", username)
                    .bind("s", s.code()).execute();
        }
    }

    public void insert(Handle h, Proposal p, String basis) {
        h.createUpdate("INSERT INTO schedule_proposal (id, from_day, to_day, basis, feasible, proposal_json, created_at, "
                + "created_by) VALUES (:id, :from, :to, :basis, :feasible, :json, :at, :by)").bind("id", p.id())
                .bind("from", p.from()).bind("to", p.to()).bind("basis", basis).bind("feasible", p.feasible())
                .bind("json", Json.compact(p)).bind("at", Times.toDb(p.createdAt())).bind("by", p.createdBy())
                .execute();
    }

    /** The proposal, its row locked until the transaction ends (one booking of it at a time). */
    public Optional<Stored> lock(Handle h, String id) {
        return h.createQuery("SELECT proposal_json, basis, applied_at FROM schedule_proposal WHERE id = :id FOR UPDATE")
                .bind("id", id).map((rs, c) -> new Stored(Json.read(rs.getString(1), Proposal.class), rs.getString(2),
                        Optional.ofNullable(rs.getTimestamp(3)).map(t -> Times.fromDb(t.toLocalDateTime()))))
                .findOne();
    }

    public void applied(Handle h, String id, Instant at, String by) {
        h.createUpdate("UPDATE schedule_proposal SET applied_at = :at, applied_by = :by WHERE id = :id")
                .bind("at", Times.toDb(at)).bind("by", by).bind("id", id).execute();
    }

    /** The latest proposals, newest first. */
    public List<Proposal> latest(Handle h, int limit) {
        return h.createQuery("SELECT proposal_json FROM schedule_proposal ORDER BY created_at DESC LIMIT :n")
                .bind("n", limit).map((rs, c) -> Json.read(rs.getString(1), Proposal.class)).list();
    }
}
