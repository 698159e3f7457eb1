-- Issue "every screen fits its procedure": a signed order can be stopped (who, when, why); a scheduled session
-- can be cancelled with its reason; the run sheet records the vascular access, nursing notes and, at the end of
-- a collection, what the product measured.
ALTER TABLE clinical_order ADD COLUMN stopped_at TIMESTAMP;
ALTER TABLE clinical_order ADD COLUMN stopped_by VARCHAR(64);
ALTER TABLE clinical_order ADD COLUMN stop_reason VARCHAR(1000);
ALTER TABLE treatment_session ADD COLUMN cancel_reason VARCHAR(1000);

CREATE TABLE vascular_access (
    id          VARCHAR(36)   PRIMARY KEY,
    session_id  VARCHAR(36)   NOT NULL REFERENCES treatment_session (id),
    at          TIMESTAMP     NOT NULL,
    kind        VARCHAR(20)   NOT NULL,
    site        VARCHAR(200)  NOT NULL,
    placed_by   VARCHAR(200),
    placed_on   DATE,
    problems    VARCHAR(1000),
    recorded_at TIMESTAMP     NOT NULL,
    recorded_by VARCHAR(64)   NOT NULL
);
CREATE INDEX vascular_access_session ON vascular_access (session_id, at);

CREATE TABLE nursing_note (
    id          VARCHAR(36)   PRIMARY KEY,
    session_id  VARCHAR(36)   NOT NULL REFERENCES treatment_session (id),
    at          TIMESTAMP     NOT NULL,
    note        VARCHAR(4000) NOT NULL,
    recorded_at TIMESTAMP     NOT NULL,
    recorded_by VARCHAR(64)   NOT NULL
);
CREATE INDEX nursing_note_session ON nursing_note (session_id, at);

CREATE TABLE product_measurement (
    id                   VARCHAR(36) PRIMARY KEY,
    session_id           VARCHAR(36) NOT NULL REFERENCES treatment_session (id),
    at                   TIMESTAMP   NOT NULL,
    volume_ml            DOUBLE PRECISION NOT NULL,
    cd34_per_ul          DOUBLE PRECISION,
    cd3_per_ul           DOUBLE PRECISION,
    wbc_e9_per_l         DOUBLE PRECISION,
    neutrophils_e9_per_l DOUBLE PRECISION,
    hematocrit_percent   DOUBLE PRECISION,
    recorded_at          TIMESTAMP   NOT NULL,
    recorded_by          VARCHAR(64) NOT NULL
);
CREATE INDEX product_measurement_session ON product_measurement (session_id, at);
