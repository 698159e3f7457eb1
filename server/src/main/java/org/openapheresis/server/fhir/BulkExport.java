package org.openapheresis.server.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hl7.fhir.r4.model.Resource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.access.Principal;
import org.openapheresis.server.auth.AuthService;
import org.openapheresis.server.db.Ids;
import org.openapheresis.server.patient.PatientRecord;
import org.openapheresis.server.patient.PatientService;
import org.openapheresis.server.resource.ResourceService;
import org.openapheresis.server.system.AuditTrail;

/**
 * FHIR Bulk Data export (system level and Patient level): a kick-off checks what is asked (the types the caller's
 * role may read, a {@code _since} not in the future, NDJSON only) and stores a job; one background thread walks the
 * people in id order, {@link #PAGE_PEOPLE} at a time, maps each person's compartment, appends each resource as one
 * NDJSON line to its type's buffer and stores a buffer as a part once it holds {@link #PART_CHARS} characters, all
 * in one transaction per page with the audit entry of every person exported in it. Memory held: one person's
 * record and at most one part per type, whatever the number of people. The parts live in the database, so any
 * server process answers the status and the files; the running process moves the job's heartbeat on with every
 * page, and a job whose heartbeat is older than {@link #STALE} is answered as failed (its process stopped).
 */
public final class BulkExport {

    /** People mapped per transaction. */
    static final int PAGE_PEOPLE = 200;
    /** Characters of NDJSON per stored part (a type's file is its parts in order). */
    static final int PART_CHARS = 256 * 1024;
    /** After how long without a heartbeat a job in progress is taken as failed. */
    static final Duration STALE = Duration.ofMinutes(2);

    /** The types outside any person's compartment, exported at system level only. */
    static final List<String> UNIT_TYPES = List.of("Practitioner", "Device");

    private final PatientService patients;
    private final PatientCompartment compartment;
    private final AuthService users;
    private final ResourceService resources;
    private final ExportStore store = new ExportStore();
    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final Clock clock;
    private final IParser parser;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fhir-bulk-export");
        t.setDaemon(true);
        return t;
    });

    BulkExport(PatientService patients, PatientCompartment compartment, AuthService users, ResourceService resources,
            Jdbi jdbi, AuditTrail audit, Clock clock, FhirContext ctx) {
        this.patients = patients;
        this.compartment = compartment;
        this.users = users;
        this.resources = resources;
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
        this.parser = ctx.newJsonParser().setPrettyPrint(false);
    }

    /** What a kick-off asks for, as received. */
    record Request(Principal who, Set<String> readable, boolean patientLevel, Optional<String> outputFormat,
            Optional<String> types, Optional<Instant> since, Optional<String> typeFilter, String url) {
    }

    /** Checks a kick-off and starts its job; answers the job's id. */
    String kickOff(Request r) {
        r.outputFormat().ifPresent(f -> {
            if (!List.of("application/fhir+ndjson", "application/ndjson", "ndjson").contains(f)) {
                throw new InvalidRequestException("_outputFormat " + f + " is not offered: only application/fhir+ndjson");
            }
        });
        if (r.typeFilter().isPresent()) {
            throw new InvalidRequestException("_typeFilter is not supported: export whole types with _type");
        }
        Instant now = clock.instant();
        if (r.since().isPresent() && r.since().get().isAfter(now)) {
            throw new InvalidRequestException("_since " + r.since().get() + " is in the future (the server's time is "
                    + now + ")");
        }
        List<String> offered = new ArrayList<>();
        for (PatientCompartment.Type t : PatientCompartment.Type.values()) {
            offered.add(t.fhirName());
        }
        if (!r.patientLevel()) {
            offered.addAll(UNIT_TYPES);
        }
        List<String> types = new ArrayList<>();
        if (r.types().isPresent()) {
            for (String t : r.types().get().split(",")) {
                String type = t.strip();
                if (!offered.contains(type)) {
                    throw new InvalidRequestException("_type " + type + " is not exported " + (r.patientLevel()
                            ? "at Patient level" : "") + "(offered: " + String.join(", ", offered) + ")");
                }
                if (!r.readable().contains(type)) {
                    throw new ForbiddenOperationException("your role (" + r.who().role().code() + ") may not read "
                            + type);
                }
                if (!types.contains(type)) {
                    types.add(type);
                }
            }
        } else {
            offered.stream().filter(r.readable()::contains).forEach(types::add);
        }
        if (types.isEmpty()) {
            throw new ForbiddenOperationException("your role (" + r.who().role().code() + ") may read none of the "
                    + "exported types");
        }
        String id = Ids.next();
        ExportStore.Job job = jdbi.inTransaction(h -> {
            ExportStore.Job j = new ExportStore.Job(id, r.who().username(), r.url(), r.patientLevel(), types,
                    r.since(), ExportStore.Status.IN_PROGRESS, now, 0, patients.count(h), Optional.empty(), now);
            store.insert(h, j);
            audit.append(h, r.who().username(), "GET /fhir/$export", "/fhir/$export-poll-status?_jobId=" + id, null,
                    "202");
            return j;
        });
        runner.submit(() -> run(job));
        return id;
    }

    /** Writes the job's NDJSON, page by page; ends it completed, or failed with the reason. */
    private void run(ExportStore.Job job) {
        try {
            Map<String, Part> parts = new java.util.LinkedHashMap<>();
            job.types().forEach(t -> parts.put(t, new Part(t)));
            Set<PatientCompartment.Type> compartmentTypes = new LinkedHashSet<>();
            job.types().forEach(t -> PatientCompartment.Type.ofFhirName(t).ifPresent(compartmentTypes::add));
            if (!job.patientLevel()) {
                boolean going = jdbi.inTransaction(h -> {
                    if (parts.containsKey("Practitioner")) {
                        users.users(h).forEach(u -> parts.get("Practitioner").add(h, job, UnitMapper.practitioner(u)));
                    }
                    if (parts.containsKey("Device")) {
                        resources.machines(h).forEach(m -> parts.get("Device").add(h, job, UnitMapper.device(m)));
                    }
                    return store.progress(h, job.id(), 0, clock.instant());
                });
                if (!going) {
                    return;
                }
            }
            Optional<String> after = Optional.empty();
            int done = 0;
            while (!compartmentTypes.isEmpty()) {
                Optional<String> from = after;
                int before = done;
                Page page = jdbi.inTransaction(h -> {
                    List<PatientRecord> people = patients.page(h, from, PAGE_PEOPLE);
                    Map<String, String> machines = compartment.machineIds(h);
                    for (PatientRecord p : people) {
                        compartment.forEach(h, p, compartmentTypes, job.since(), machines,
                                res -> parts.get(res.fhirType()).add(h, job, res));
                        audit.append(h, job.requestedBy(), "EXPORT /fhir/$export", "/fhir/$export-poll-status?_jobId="
                                + job.id(), p.id(), "200");
                    }
                    boolean going = store.progress(h, job.id(), before + people.size(), clock.instant());
                    return new Page(people.isEmpty() ? Optional.empty()
                            : Optional.of(people.get(people.size() - 1).id()), people.size(), going);
                });
                if (!page.going()) {
                    return;
                }
                if (page.people() == 0) {
                    break;
                }
                after = page.last();
                done += page.people();
            }
            jdbi.useTransaction(h -> {
                parts.values().forEach(p -> p.flush(h, job));
                store.finish(h, job.id(), ExportStore.Status.COMPLETED, Optional.empty(), clock.instant());
            });
        } catch (RuntimeException e) {
            jdbi.useTransaction(h -> store.finish(h, job.id(), ExportStore.Status.FAILED,
                    Optional.of("the export stopped: " + e.getClass().getSimpleName()), clock.instant()));
        }
    }

    private record Page(Optional<String> last, int people, boolean going) {
    }

    /** The buffer of one type's NDJSON, stored as a part when full. */
    private final class Part {
        private final String type;
        private final StringBuilder text = new StringBuilder();
        private int count;
        private int partNo;

        Part(String type) {
            this.type = type;
        }

        void add(Handle h, ExportStore.Job job, Resource r) {
            text.append(parser.encodeResourceToString(r)).append('\n');
            count++;
            if (text.length() >= PART_CHARS) {
                flush(h, job);
            }
        }

        void flush(Handle h, ExportStore.Job job) {
            if (count > 0) {
                store.insertPart(h, job.id(), type, partNo++, count, text.toString());
                text.setLength(0);
                count = 0;
            }
        }
    }

    /** A job as its status answers it: in progress (with how far), completed (the manifest), or failed. */
    sealed interface Status {
        record Running(int patientsDone, int patientsTotal) implements Status {
        }

        record Done(ExportStore.Job job, List<ExportStore.Output> outputs) implements Status {
        }

        record Failed(String why) implements Status {
        }
    }

    /** The status of a job the caller asked for (only the person who asked may follow it). */
    Status status(Principal who, String jobId) {
        return jdbi.inTransaction(h -> {
            ExportStore.Job j = mine(h, who, jobId);
            return switch (j.status()) {
                case IN_PROGRESS -> {
                    if (Duration.between(j.heartbeatAt(), clock.instant()).compareTo(STALE) > 0) {
                        store.finish(h, jobId, ExportStore.Status.FAILED, Optional.of("the server process running the "
                                + "export stopped (no progress for " + STALE.toMinutes() + " min)"), clock.instant());
                        yield new Status.Failed("the server process running the export stopped");
                    }
                    yield new Status.Running(j.patientsDone(), j.patientsTotal());
                }
                case COMPLETED -> new Status.Done(j, store.outputs(h, jobId));
                case FAILED, CANCELLED -> new Status.Failed(j.error().orElse("the export did not finish"));
            };
        });
    }

    /**
     * Streams one type's file of a completed job: checks first (the caller's job, complete, with that file), and
     * only then opens the answer, so that a refusal is still an OperationOutcome with its status.
     */
    void download(Principal who, String jobId, String type, java.util.function.Supplier<java.io.Writer> open) {
        jdbi.useHandle(h -> {
            ExportStore.Job j = mine(h, who, jobId);
            if (j.status() != ExportStore.Status.COMPLETED) {
                throw new InvalidRequestException("export " + jobId + " is not complete");
            }
            if (store.outputs(h, jobId).stream().noneMatch(o -> o.type().equals(type))) {
                throw new ResourceNotFoundException("export " + jobId + " has no " + type + " file");
            }
            audit.append(who.username(), "GET /fhir/$export-download", "/fhir/$export-download?_jobId=" + jobId
                    + "&_type=" + type, null, "200");
            store.stream(h, jobId, type, open.get());
        });
    }

    /** Cancels a job in progress or removes a finished one with its files. */
    void delete(Principal who, String jobId) {
        jdbi.useTransaction(h -> {
            mine(h, who, jobId);
            store.delete(h, jobId);
            audit.append(h, who.username(), "DELETE /fhir/$export-poll-status", "/fhir/$export-poll-status?_jobId="
                    + jobId, null, "202");
        });
    }

    private ExportStore.Job mine(Handle h, Principal who, String jobId) {
        ExportStore.Job j = store.find(h, jobId).orElseThrow(() -> new ResourceNotFoundException("no export " + jobId));
        if (!j.requestedBy().equals(who.username())) {
            throw new ForbiddenOperationException("export " + jobId + " was asked for by someone else");
        }
        return j;
    }

    /** Stops the runner (the server is stopping; a job left in progress is seen as failed by its heartbeat). */
    void close() {
        runner.shutdownNow();
    }

    /** The readable types as names, from the access check. */
    static Set<String> names(Set<PatientCompartment.Type> compartmentTypes, boolean unitTypes) {
        Set<String> s = new LinkedHashSet<>();
        compartmentTypes.forEach(t -> s.add(t.fhirName()));
        if (unitTypes) {
            s.addAll(UNIT_TYPES);
        }
        return s;
    }
}
