-- Issue "FHIR R4": when an order or a session last changed (a bulk export's _since and a resource's
-- meta.lastUpdated), and the bulk export jobs with their NDJSON output.
ALTER TABLE clinical_order ADD COLUMN updated_at TIMESTAMP;
UPDATE clinical_order SET updated_at = COALESCE(stopped_at, signed_at, created_at);
ALTER TABLE clinical_order ALTER COLUMN updated_at SET NOT NULL;
ALTER TABLE treatment_session ADD COLUMN updated_at TIMESTAMP;
UPDATE treatment_session SET updated_at = COALESCE(ended_at, started_at, created_at);
ALTER TABLE treatment_session ALTER COLUMN updated_at SET NOT NULL;

-- One bulk export: who asked, what for, how far it is. Any server process may answer its status and files; the
-- process running it moves heartbeat_at on, so a job whose process died is seen as failed rather than waited for.
CREATE TABLE export_job (
    id             VARCHAR(36)  PRIMARY KEY,
    requested_by   VARCHAR(64)  NOT NULL,
    request_url    VARCHAR(2000) NOT NULL,
    patient_level  BOOLEAN      NOT NULL,
    types          VARCHAR(1000) NOT NULL,
    since          TIMESTAMP,
    status         VARCHAR(20)  NOT NULL,
    transaction_at TIMESTAMP    NOT NULL,
    patients_done  INTEGER      NOT NULL,
    patients_total INTEGER      NOT NULL,
    error          VARCHAR(2000),
    heartbeat_at   TIMESTAMP    NOT NULL,
    finished_at    TIMESTAMP
);

-- The NDJSON of one resource type, in parts written as the job goes (one file per type is their concatenation).
CREATE TABLE export_part (
    job_id         VARCHAR(36)  NOT NULL REFERENCES export_job (id) ON DELETE CASCADE,
    resource_type  VARCHAR(64)  NOT NULL,
    part_no        INTEGER      NOT NULL,
    resources      INTEGER      NOT NULL,
    body           VARCHAR      NOT NULL,
    PRIMARY KEY (job_id, resource_type, part_no)
);
