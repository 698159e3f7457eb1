package org.openapheresis.server.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.openapheresis.server.db.Times;

/** Bulk export jobs and their NDJSON parts in the database: SQL only, in the caller's handle. */
final class ExportStore {

    /** Where a job is. */
    enum Status {
        IN_PROGRESS, COMPLETED, FAILED, CANCELLED
    }

    /**
     * One job as stored.
     *
     * @param types the resource types asked for, in their order
     * @param since only resources changed at or after it, when given
     * @param transactionAt the time the export reflects (the kick-off)
     */
    record Job(String id, String requestedBy, String requestUrl, boolean patientLevel, List<String> types,
            Optional<Instant> since, Status status, Instant transactionAt, int patientsDone, int patientsTotal,
            Optional<String> error, Instant heartbeatAt) {
    }

    /** The resources of one type a finished job wrote. */
    record Output(String type, int resources) {
    }

    void insert(Handle h, Job j) {
        h.createUpdate("INSERT INTO export_job (id, requested_by, request_url, patient_level, types, since, status, "
                + "transaction_at, patients_done, patients_total, heartbeat_at) VALUES (:id, :by, :url, :patient, "
                + ":types, :since, :status, :at, 0, :total, :at)")
                .bind("id", j.id()).bind("by", j.requestedBy()).bind("url", j.requestUrl())
                .bind("patient", j.patientLevel()).bind("types", String.join(",", j.types()))
                .bind("since", j.since().map(Times::toDb).orElse(null)).bind("status", j.status().name())
                .bind("at", Times.toDb(j.transactionAt())).bind("total", j.patientsTotal()).execute();
    }

    Optional<Job> find(Handle h, String id) {
        return h.createQuery("SELECT id, requested_by, request_url, patient_level, types, since, status, transaction_at, "
                + "patients_done, patients_total, error, heartbeat_at FROM export_job WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new Job(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        Arrays.asList(rs.getString(5).split(",")),
                        Optional.ofNullable(rs.getObject(6, java.time.LocalDateTime.class)).map(Times::fromDb),
                        Status.valueOf(rs.getString(7)), Times.fromDb(rs.getObject(8, java.time.LocalDateTime.class)),
                        rs.getInt(9), rs.getInt(10), Optional.ofNullable(rs.getString(11)),
                        Times.fromDb(rs.getObject(12, java.time.LocalDateTime.class)))).findOne();
    }

    /** Moves the job's progress and heartbeat on; false when it is no longer in progress (cancelled). */
    boolean progress(Handle h, String id, int done, Instant at) {
        return h.createUpdate("UPDATE export_job SET patients_done = :done, heartbeat_at = :at WHERE id = :id "
                + "AND status = :running").bind("done", done).bind("at", Times.toDb(at)).bind("id", id)
                .bind("running", Status.IN_PROGRESS.name()).execute() == 1;
    }

    /** Ends a job still in progress; false when it was not (cancelled meanwhile). */
    boolean finish(Handle h, String id, Status to, Optional<String> error, Instant at) {
        return h.createUpdate("UPDATE export_job SET status = :to, error = :error, finished_at = :at, heartbeat_at = :at "
                + "WHERE id = :id AND status = :running").bind("to", to.name()).bind("error", error.orElse(null))
                .bind("at", Times.toDb(at)).bind("id", id).bind("running", Status.IN_PROGRESS.name()).execute() == 1;
    }

    void insertPart(Handle h, String jobId, String type, int partNo, int resources, String body) {
        h.createUpdate("INSERT INTO export_part (job_id, resource_type, part_no, resources, body) VALUES (:job, :type, "
                + ":part, :n, :body)").bind("job", jobId).bind("type", type).bind("part", partNo).bind("n", resources)
                .bind("body", body).execute();
    }

    /** What a job wrote, per type, in the order of its types. */
    List<Output> outputs(Handle h, String jobId) {
        Map<String, Integer> counts = h.createQuery("SELECT resource_type, SUM(resources) FROM export_part "
                + "WHERE job_id = :job GROUP BY resource_type").bind("job", jobId)
                .reduceRows(new java.util.HashMap<String, Integer>(), (m, row) -> {
                    m.put(row.getColumn(1, String.class), row.getColumn(2, Integer.class));
                    return m;
                });
        return find(h, jobId).map(j -> j.types().stream().filter(counts::containsKey)
                .map(t -> new Output(t, counts.get(t))).toList()).orElse(List.of());
    }

    /** Writes a type's NDJSON to {@code out} part by part, holding one part at a time; false when there is none. */
    boolean stream(Handle h, String jobId, String type, Writer out) {
        List<Integer> parts = h.createQuery("SELECT part_no FROM export_part WHERE job_id = :job AND resource_type = :type "
                + "ORDER BY part_no").bind("job", jobId).bind("type", type).mapTo(Integer.class).list();
        for (int part : parts) {
            String body = h.createQuery("SELECT body FROM export_part WHERE job_id = :job AND resource_type = :type "
                    + "AND part_no = :part").bind("job", jobId).bind("type", type).bind("part", part)
                    .mapTo(String.class).one();
            try {
                out.write(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return !parts.isEmpty();
    }

    /** Marks a job cancelled (its runner stops at its next page) and removes its output. */
    boolean delete(Handle h, String id) {
        h.createUpdate("DELETE FROM export_part WHERE job_id = :id").bind("id", id).execute();
        return h.createUpdate("DELETE FROM export_job WHERE id = :id").bind("id", id).execute() == 1;
    }
}
