-- Issue 15: billing. The unit's price list (chargemaster), the charge items coded from the record, and the
-- patients' coverages. Money is NUMERIC with its ISO 4217 currency beside it, never a floating-point number.

-- The price list. A price is never overwritten: a new price of a code closes the period of the one it follows
-- (effective_to is set once, from NULL, to the day before the new one starts) and adds a row.
CREATE TABLE price_list_entry (
    id              VARCHAR(36)   PRIMARY KEY,
    code            VARCHAR(10)   NOT NULL,
    description     VARCHAR(400)  NOT NULL,
    price           NUMERIC(12,2) NOT NULL,
    currency        CHAR(3)       NOT NULL,
    -- first and last day the price holds, both inclusive; an open period has no last day
    effective_from  DATE          NOT NULL,
    effective_to    DATE,
    -- true for the demo unit's invented prices, which no one may take for a real unit's
    example         BOOLEAN       NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    created_by      VARCHAR(64)   NOT NULL,
    closed_at       TIMESTAMP,
    closed_by       VARCHAR(64),
    CONSTRAINT price_list_entry_price_not_negative CHECK (price >= 0),
    CONSTRAINT price_list_entry_period CHECK (effective_to IS NULL OR effective_to >= effective_from),
    CONSTRAINT price_list_entry_one_start_per_code UNIQUE (code, effective_from)
);

-- Charge items. A charge coded from the record carries its origin (the session and the rule), unique, so that a
-- session is never billed twice, whichever server process or request codes it. A correction is a new row naming
-- the row it corrects, with the reason; no row is ever updated.
CREATE TABLE charge_item (
    id                VARCHAR(36)   PRIMARY KEY,
    origin_key        VARCHAR(120)  UNIQUE,
    session_id        VARCHAR(36)   REFERENCES treatment_session (id),
    order_id          VARCHAR(36)   REFERENCES clinical_order (id),
    patient_id        VARCHAR(36)   NOT NULL REFERENCES patient (id),
    rule_id           VARCHAR(60),
    code              VARCHAR(10)   NOT NULL,
    code_system       VARCHAR(10)   NOT NULL,
    descriptor        VARCHAR(400)  NOT NULL,
    diagnosis_code    VARCHAR(20),
    service_date      DATE          NOT NULL,
    units             INT           NOT NULL,
    unit_price        NUMERIC(12,2),
    amount            NUMERIC(14,2),
    currency          CHAR(3)       NOT NULL,
    price_entry_id    VARCHAR(36)   REFERENCES price_list_entry (id),
    corrects_id       VARCHAR(36)   REFERENCES charge_item (id),
    correction_reason VARCHAR(1000),
    created_at        TIMESTAMP     NOT NULL,
    created_by        VARCHAR(64)   NOT NULL,
    CONSTRAINT charge_item_corrected_once UNIQUE (corrects_id),
    CONSTRAINT charge_item_correction_has_reason CHECK ((corrects_id IS NULL) = (correction_reason IS NULL)),
    CONSTRAINT charge_item_origin_or_correction CHECK ((origin_key IS NULL) = (corrects_id IS NOT NULL)),
    CONSTRAINT charge_item_units_not_negative CHECK (units >= 0),
    CONSTRAINT charge_item_priced_together CHECK ((unit_price IS NULL) = (amount IS NULL))
);
CREATE INDEX charge_item_patient ON charge_item (patient_id, service_date);
CREATE INDEX charge_item_date ON charge_item (service_date);

-- A patient's coverages, as the payer states them for the plan year. Amounts are in the currency column.
CREATE TABLE coverage (
    id                     VARCHAR(36)   PRIMARY KEY,
    patient_id             VARCHAR(36)   NOT NULL REFERENCES patient (id),
    payer                  VARCHAR(200)  NOT NULL,
    plan_name              VARCHAR(200)  NOT NULL,
    member_id              VARCHAR(100)  NOT NULL,
    network                VARCHAR(20),
    plan_year_start        DATE          NOT NULL,
    plan_year_end          DATE          NOT NULL,
    deductible             NUMERIC(12,2) NOT NULL,
    deductible_met         NUMERIC(12,2) NOT NULL,
    coinsurance_percent    NUMERIC(5,2)  NOT NULL,
    copay_per_visit        NUMERIC(12,2) NOT NULL,
    out_of_pocket_max      NUMERIC(12,2) NOT NULL,
    out_of_pocket_met      NUMERIC(12,2) NOT NULL,
    currency               CHAR(3)       NOT NULL,
    prior_auth_number      VARCHAR(60),
    prior_auth_valid_from  DATE,
    prior_auth_valid_to    DATE,
    created_at             TIMESTAMP     NOT NULL,
    created_by             VARCHAR(64)   NOT NULL,
    CONSTRAINT coverage_plan_year CHECK (plan_year_end >= plan_year_start),
    CONSTRAINT coverage_coinsurance CHECK (coinsurance_percent >= 0 AND coinsurance_percent <= 100),
    CONSTRAINT coverage_amounts CHECK (deductible >= 0 AND deductible_met >= 0 AND copay_per_visit >= 0
        AND out_of_pocket_max >= 0 AND out_of_pocket_met >= 0)
);
CREATE INDEX coverage_patient ON coverage (patient_id);
