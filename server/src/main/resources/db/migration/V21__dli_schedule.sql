-- Issue 13, item 8: the escalating schedule of donor lymphocyte infusions a physician orders on a lymphocyte
-- collection order (one schedule per order), its doses, and what became of each dose (given at the bedside, or
-- skipped by the physician with the reason). Append-only: a dose's outcome is recorded once and never changed.
CREATE TABLE dli_schedule (
    id             VARCHAR(36)  PRIMARY KEY,
    order_id       VARCHAR(36)  NOT NULL REFERENCES clinical_order (id),
    donor_id       VARCHAR(36)  NOT NULL REFERENCES patient (id),
    recipient_id   VARCHAR(36)  NOT NULL REFERENCES patient (id),
    first_dose_on  DATE         NOT NULL,
    created_at     TIMESTAMP    NOT NULL,
    created_by     VARCHAR(64)  NOT NULL,
    CONSTRAINT dli_schedule_one_per_order UNIQUE (order_id)
);
CREATE INDEX dli_schedule_recipient ON dli_schedule (recipient_id);

CREATE TABLE dli_schedule_dose (
    schedule_id    VARCHAR(36)      NOT NULL REFERENCES dli_schedule (id),
    dose_number    INT              NOT NULL,
    cd3_per_kg     DOUBLE PRECISION NOT NULL,
    -- days after the dose before it; NULL for the first dose, which is given on first_dose_on
    interval_days  INT,
    PRIMARY KEY (schedule_id, dose_number),
    CONSTRAINT dli_dose_number_from_1 CHECK (dose_number >= 1),
    CONSTRAINT dli_dose_interval CHECK ((dose_number = 1 AND interval_days IS NULL)
        OR (dose_number > 1 AND interval_days BETWEEN 1 AND 365))
);

CREATE TABLE dli_dose_outcome (
    schedule_id       VARCHAR(36)      NOT NULL,
    dose_number       INT              NOT NULL,
    outcome           VARCHAR(10)      NOT NULL,
    at                TIMESTAMP        NOT NULL,
    -- for a given dose: the aliquot infused and its dose per kg of the recipient's weight at the infusion
    product_id        VARCHAR(36)      REFERENCES cell_product (id),
    cd3_per_kg_given  DOUBLE PRECISION,
    -- for a skipped dose: why
    reason            VARCHAR(1000),
    recorded_at       TIMESTAMP        NOT NULL,
    recorded_by       VARCHAR(64)      NOT NULL,
    PRIMARY KEY (schedule_id, dose_number),
    FOREIGN KEY (schedule_id, dose_number) REFERENCES dli_schedule_dose (schedule_id, dose_number),
    CONSTRAINT dli_outcome_known CHECK ((outcome = 'given' AND product_id IS NOT NULL AND cd3_per_kg_given IS NOT NULL)
        OR (outcome = 'skipped' AND reason IS NOT NULL))
);
