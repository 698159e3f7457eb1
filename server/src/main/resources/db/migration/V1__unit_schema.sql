-- OpenApheresis unit schema, version 1. Runs unchanged on H2 2.3 and PostgreSQL 15/16.
-- Times are UTC (TIMESTAMP without zone, millisecond precision); ids are UUID text; JSON documents that the
-- core reads whole (procedure, schedule, plan) are stored as text.

CREATE TABLE app_user (
    id            VARCHAR(36)  PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL UNIQUE,
    display_name  VARCHAR(200) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    active        BOOLEAN      NOT NULL,
    created_at    TIMESTAMP    NOT NULL,
    version       INTEGER      NOT NULL
);

CREATE TABLE auth_session (
    token_hash  VARCHAR(64) PRIMARY KEY,
    user_id     VARCHAR(36) NOT NULL REFERENCES app_user (id),
    csrf_token  VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP   NOT NULL,
    expires_at  TIMESTAMP   NOT NULL
);

CREATE TABLE login_attempt (
    attempt_key     VARCHAR(300) PRIMARY KEY,
    failures        INTEGER      NOT NULL,
    last_failure_at TIMESTAMP    NOT NULL
);

CREATE TABLE audit_head (
    id        INTEGER     PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE audit_entry (
    seq        BIGINT       PRIMARY KEY,
    at         TIMESTAMP    NOT NULL,
    username   VARCHAR(64)  NOT NULL,
    action     VARCHAR(100) NOT NULL,
    resource   VARCHAR(300) NOT NULL,
    patient_id VARCHAR(36),
    outcome    VARCHAR(40)  NOT NULL,
    prev_hash  VARCHAR(64)  NOT NULL,
    hash       VARCHAR(64)  NOT NULL
);
CREATE INDEX audit_entry_patient ON audit_entry (patient_id);
CREATE INDEX audit_entry_at ON audit_entry (at);

CREATE TABLE patient (
    id          VARCHAR(36)  PRIMARY KEY,
    mrn         VARCHAR(64)  NOT NULL UNIQUE,
    kind        VARCHAR(10)  NOT NULL,
    given_name  VARCHAR(200) NOT NULL,
    family_name VARCHAR(200) NOT NULL,
    birth_date  DATE         NOT NULL,
    sex         VARCHAR(10)  NOT NULL,
    height_cm   DOUBLE PRECISION,
    weight_kg   DOUBLE PRECISION,
    coverage    VARCHAR,
    clinical    VARCHAR      NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    updated_at  TIMESTAMP    NOT NULL,
    updated_by  VARCHAR(64)  NOT NULL,
    version     INTEGER      NOT NULL
);
CREATE INDEX patient_family_name ON patient (family_name);

CREATE TABLE clinical_order (
    id              VARCHAR(36)  PRIMARY KEY,
    patient_id      VARCHAR(36)  NOT NULL REFERENCES patient (id),
    indication_code VARCHAR(20)  NOT NULL,
    indication_text VARCHAR(500) NOT NULL,
    procedure_json  VARCHAR      NOT NULL,
    recipient_json  VARCHAR,
    schedule_json   VARCHAR,
    guideline_json  VARCHAR,
    plan_json       VARCHAR      NOT NULL,
    warnings_json   VARCHAR      NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    created_by      VARCHAR(64)  NOT NULL,
    signed_at       TIMESTAMP,
    signed_by       VARCHAR(64),
    version         INTEGER      NOT NULL
);
CREATE INDEX clinical_order_patient ON clinical_order (patient_id);

CREATE TABLE order_acknowledgement (
    order_id        VARCHAR(36) NOT NULL REFERENCES clinical_order (id),
    code            VARCHAR(60) NOT NULL,
    acknowledged_by VARCHAR(64) NOT NULL,
    acknowledged_at TIMESTAMP   NOT NULL,
    PRIMARY KEY (order_id, code)
);

CREATE TABLE treatment_session (
    id            VARCHAR(36)  PRIMARY KEY,
    order_id      VARCHAR(36)  NOT NULL REFERENCES clinical_order (id),
    patient_id    VARCHAR(36)  NOT NULL REFERENCES patient (id),
    planned_start TIMESTAMP    NOT NULL,
    machine       VARCHAR(100),
    nurse         VARCHAR(100),
    status        VARCHAR(20)  NOT NULL,
    abort_reason  VARCHAR(1000),
    plan_json     VARCHAR      NOT NULL,
    created_at    TIMESTAMP    NOT NULL,
    created_by    VARCHAR(64)  NOT NULL,
    started_at    TIMESTAMP,
    started_by    VARCHAR(64),
    ended_at      TIMESTAMP,
    ended_by      VARCHAR(64),
    version       INTEGER      NOT NULL
);
CREATE INDEX treatment_session_start ON treatment_session (planned_start);
CREATE INDEX treatment_session_patient ON treatment_session (patient_id);

CREATE TABLE run_value (
    id                          VARCHAR(36) PRIMARY KEY,
    session_id                  VARCHAR(36) NOT NULL REFERENCES treatment_session (id),
    at                          TIMESTAMP   NOT NULL,
    source                      VARCHAR(10) NOT NULL,
    inlet_flow_ml_per_min       DOUBLE PRECISION,
    ac_flow_ml_per_min          DOUBLE PRECISION,
    removal_flow_ml_per_min     DOUBLE PRECISION,
    replacement_flow_ml_per_min DOUBLE PRECISION,
    processed_volume_ml         DOUBLE PRECISION,
    ac_volume_ml                DOUBLE PRECISION,
    removed_volume_ml           DOUBLE PRECISION,
    replacement_volume_ml       DOUBLE PRECISION,
    fluid_balance_ml            DOUBLE PRECISION,
    recorded_at                 TIMESTAMP   NOT NULL,
    recorded_by                 VARCHAR(64) NOT NULL
);
CREATE INDEX run_value_session ON run_value (session_id, at);

CREATE TABLE vital_sign (
    id             VARCHAR(36) PRIMARY KEY,
    session_id     VARCHAR(36) NOT NULL REFERENCES treatment_session (id),
    at             TIMESTAMP   NOT NULL,
    systolic_mmhg  DOUBLE PRECISION,
    diastolic_mmhg DOUBLE PRECISION,
    pulse_per_min  DOUBLE PRECISION,
    spo2_percent   DOUBLE PRECISION,
    temperature_c  DOUBLE PRECISION,
    recorded_at    TIMESTAMP   NOT NULL,
    recorded_by    VARCHAR(64) NOT NULL
);
CREATE INDEX vital_sign_session ON vital_sign (session_id, at);

CREATE TABLE fluid_given (
    id          VARCHAR(36)  PRIMARY KEY,
    session_id  VARCHAR(36)  NOT NULL REFERENCES treatment_session (id),
    at          TIMESTAMP    NOT NULL,
    fluid       VARCHAR(100) NOT NULL,
    volume_ml   DOUBLE PRECISION NOT NULL,
    recorded_at TIMESTAMP    NOT NULL,
    recorded_by VARCHAR(64)  NOT NULL
);
CREATE INDEX fluid_given_session ON fluid_given (session_id, at);

CREATE TABLE lab_result (
    id          VARCHAR(36) PRIMARY KEY,
    patient_id  VARCHAR(36) NOT NULL REFERENCES patient (id),
    session_id  VARCHAR(36) REFERENCES treatment_session (id),
    taken_at    TIMESTAMP   NOT NULL,
    phase       VARCHAR(10) NOT NULL,
    analyte     VARCHAR(40) NOT NULL,
    value_num   DOUBLE PRECISION NOT NULL,
    unit        VARCHAR(20) NOT NULL,
    recorded_at TIMESTAMP   NOT NULL,
    recorded_by VARCHAR(64) NOT NULL
);
CREATE INDEX lab_result_patient ON lab_result (patient_id, taken_at);

CREATE TABLE adverse_event (
    id           VARCHAR(36)   PRIMARY KEY,
    session_id   VARCHAR(36)   NOT NULL REFERENCES treatment_session (id),
    at           TIMESTAMP     NOT NULL,
    event_type   VARCHAR(40)   NOT NULL,
    grade        VARCHAR(10)   NOT NULL,
    action_taken VARCHAR(1000),
    interrupted  BOOLEAN       NOT NULL,
    notes        VARCHAR(2000),
    recorded_at  TIMESTAMP     NOT NULL,
    recorded_by  VARCHAR(64)   NOT NULL
);
CREATE INDEX adverse_event_session ON adverse_event (session_id, at);
