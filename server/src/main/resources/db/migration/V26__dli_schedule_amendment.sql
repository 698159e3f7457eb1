-- Issue 13, item 8: a physician amends a DLI schedule with the reason: the doses still to give (neither given nor
-- skipped) take a new CD3+ dose per kg or interval, or the schedule ends before its last doses (or takes them back). The schedule as
-- ordered stays in dli_schedule_dose; each amendment keeps the whole schedule as it stands after it. Append-only.
CREATE TABLE dli_schedule_amendment (
    schedule_id       VARCHAR(36)   NOT NULL REFERENCES dli_schedule (id),
    amendment_number  INT           NOT NULL,
    first_dose_on     DATE          NOT NULL,
    reason            VARCHAR(1000) NOT NULL,
    amended_at        TIMESTAMP     NOT NULL,
    amended_by        VARCHAR(64)   NOT NULL,
    PRIMARY KEY (schedule_id, amendment_number),
    CONSTRAINT dli_amendment_number_from_1 CHECK (amendment_number >= 1)
);

CREATE TABLE dli_schedule_amended_dose (
    schedule_id       VARCHAR(36)      NOT NULL,
    amendment_number  INT              NOT NULL,
    dose_number       INT              NOT NULL,
    cd3_per_kg        DOUBLE PRECISION NOT NULL,
    interval_days     INT,
    PRIMARY KEY (schedule_id, amendment_number, dose_number),
    FOREIGN KEY (schedule_id, amendment_number) REFERENCES dli_schedule_amendment (schedule_id, amendment_number),
    -- a dose of the schedule as ordered: an amendment never adds a dose (more doses need another collection)
    FOREIGN KEY (schedule_id, dose_number) REFERENCES dli_schedule_dose (schedule_id, dose_number),
    CONSTRAINT dli_amended_dose_interval CHECK ((dose_number = 1 AND interval_days IS NULL)
        OR (dose_number > 1 AND interval_days BETWEEN 1 AND 365))
);
