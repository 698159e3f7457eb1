-- The unit's own rules for planning the week, its closures, its nurses' shifts and its machines' time out of
-- service. Until now the rules were constants in the code (UnitRules.standard); the row below holds the same values,
-- so that a unit that never edits them plans as before (ScheduleSettingsTest checks they agree).
CREATE TABLE unit_rules (
    id                     VARCHAR(10)  PRIMARY KEY,
    version                INTEGER      NOT NULL,
    slot_min               INTEGER      NOT NULL,
    lab_cut_off            TIME         NOT NULL,
    max_patients_per_nurse INTEGER      NOT NULL,
    turnover_min           INTEGER      NOT NULL,
    interval_tolerance_min INTEGER      NOT NULL,
    updated_at             TIMESTAMP    NOT NULL,
    updated_by             VARCHAR(100) NOT NULL
);
INSERT INTO unit_rules VALUES ('unit', 1, 15, TIME '15:00:00', 2, 15, 720, TIMESTAMP '2026-01-01 00:00:00', 'system');

-- Opening hours per day of the week (ISO: 1 Monday .. 7 Sunday); a day without a row is closed.
CREATE TABLE unit_opening_hours (
    day_of_week INTEGER PRIMARY KEY,
    opens       TIME    NOT NULL,
    closes      TIME    NOT NULL
);
INSERT INTO unit_opening_hours VALUES (1, TIME '07:30:00', TIME '18:00:00');
INSERT INTO unit_opening_hours VALUES (2, TIME '07:30:00', TIME '18:00:00');
INSERT INTO unit_opening_hours VALUES (3, TIME '07:30:00', TIME '18:00:00');
INSERT INTO unit_opening_hours VALUES (4, TIME '07:30:00', TIME '18:00:00');
INSERT INTO unit_opening_hours VALUES (5, TIME '07:30:00', TIME '18:00:00');
INSERT INTO unit_opening_hours VALUES (6, TIME '08:00:00', TIME '14:00:00');

-- Days the unit is closed whatever the day of the week (public holidays, a move). Removing one keeps its row.
CREATE TABLE unit_closure (
    id           VARCHAR(36)  PRIMARY KEY,
    closed_on    DATE         NOT NULL,
    reason       VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    cancelled_at TIMESTAMP,
    cancelled_by VARCHAR(100)
);
CREATE INDEX unit_closure_day ON unit_closure (closed_on);

-- A nurse's shift. When any shift is recorded for the days planned, nurses work only in their shifts.
CREATE TABLE nurse_shift (
    id           VARCHAR(36)  PRIMARY KEY,
    username     VARCHAR(100) NOT NULL,
    starts_at    TIMESTAMP    NOT NULL,
    ends_at      TIMESTAMP    NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    cancelled_at TIMESTAMP,
    cancelled_by VARCHAR(100)
);
CREATE INDEX nurse_shift_starts ON nurse_shift (starts_at);

-- A machine out of service (servicing, repair): no session may be booked on it then.
CREATE TABLE machine_out_of_service (
    id           VARCHAR(36)  PRIMARY KEY,
    machine_id   VARCHAR(36)  NOT NULL REFERENCES machine (id),
    starts_at    TIMESTAMP    NOT NULL,
    ends_at      TIMESTAMP    NOT NULL,
    reason       VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    cancelled_at TIMESTAMP,
    cancelled_by VARCHAR(100)
);
CREATE INDEX machine_out_of_service_machine ON machine_out_of_service (machine_id, starts_at);
