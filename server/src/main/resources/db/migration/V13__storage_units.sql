-- Issue "cell products": the lab's storage units (a liquid nitrogen tank, a mechanical freezer, a refrigerator, a
-- room-temperature shelf), each with the temperature range the unit keeps it in, and the temperature log of each;
-- a reading outside the range is an excursion, flagged on the products stored in the unit at the time.
CREATE TABLE storage_unit (
    id          VARCHAR(36)  PRIMARY KEY,
    name        VARCHAR(60)  NOT NULL,
    name_key    VARCHAR(60)  NOT NULL UNIQUE,
    kind        VARCHAR(20)  NOT NULL,
    lowest_c    DOUBLE PRECISION NOT NULL,
    highest_c   DOUBLE PRECISION NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    created_by  VARCHAR(64)  NOT NULL
);

-- Readings, entered or imported; never changed.
CREATE TABLE temperature_reading (
    id           VARCHAR(36)  PRIMARY KEY,
    unit_id      VARCHAR(36)  NOT NULL REFERENCES storage_unit (id),
    at           TIMESTAMP    NOT NULL,
    celsius      DOUBLE PRECISION NOT NULL,
    excursion    BOOLEAN      NOT NULL,
    recorded_at  TIMESTAMP    NOT NULL,
    recorded_by  VARCHAR(64)  NOT NULL
);
CREATE INDEX temperature_reading_unit ON temperature_reading (unit_id, at);
