-- Issue 13 item 8: follow-up visits after donor lymphocyte infusion. The acute GVHD findings as entered (units in
-- the column names), the organ stages and overall grade computed when the visit was recorded, stored with the
-- grading system that computed them (so a later change of rules never rewrites a recorded grade), and the
-- chimerism results of the visit. Append-only: a correction is a new row naming the row it corrects, with a
-- reason; no row is ever updated.
CREATE TABLE follow_up_visit (
    id                                   VARCHAR(36)      PRIMARY KEY,
    patient_id                           VARCHAR(36)      NOT NULL REFERENCES patient (id),
    visit_at                             TIMESTAMP        NOT NULL,
    skin_active_rash_bsa_percent         DOUBLE PRECISION NOT NULL,
    skin_erythroderma_bullae             BOOLEAN          NOT NULL,
    liver_total_bilirubin_mg_per_dl      DOUBLE PRECISION NOT NULL,
    -- the bilirubin as entered when it was reported in umol/L (the mg/dL column then holds the conversion)
    liver_total_bilirubin_umol_per_l     DOUBLE PRECISION,
    upper_gi_persistent_symptoms         BOOLEAN          NOT NULL,
    lower_gi_stool_ml_per_day            DOUBLE PRECISION,
    lower_gi_stool_ml_per_kg_per_day     DOUBLE PRECISION,
    lower_gi_severe_pain                 BOOLEAN          NOT NULL,
    lower_gi_bloody_stool                BOOLEAN          NOT NULL,
    skin_stage                           INT              NOT NULL,
    skin_rule                            VARCHAR(1000)    NOT NULL,
    liver_stage                          INT              NOT NULL,
    liver_rule                           VARCHAR(1000)    NOT NULL,
    upper_gi_stage                       INT              NOT NULL,
    upper_gi_rule                        VARCHAR(1000)    NOT NULL,
    lower_gi_stage                       INT              NOT NULL,
    lower_gi_rule                        VARCHAR(1000)    NOT NULL,
    grade                                VARCHAR(4)       NOT NULL,
    grade_rule                           VARCHAR(2000)    NOT NULL,
    grading_system                       VARCHAR(40)      NOT NULL,
    grading_version                      VARCHAR(40)      NOT NULL,
    grading_source                       VARCHAR(400)     NOT NULL,
    corrects_id                          VARCHAR(36)      REFERENCES follow_up_visit (id),
    correction_reason                    VARCHAR(1000),
    recorded_at                          TIMESTAMP        NOT NULL,
    recorded_by                          VARCHAR(64)      NOT NULL,
    -- a record is corrected at most once: a further correction corrects the correction, so each visit's
    -- records form one chain and the latest is unambiguous
    CONSTRAINT follow_up_visit_corrected_once UNIQUE (corrects_id),
    CONSTRAINT follow_up_visit_correction_has_reason CHECK ((corrects_id IS NULL) = (correction_reason IS NULL)),
    CONSTRAINT follow_up_visit_one_stool_column CHECK (lower_gi_stool_ml_per_day IS NULL
        OR lower_gi_stool_ml_per_kg_per_day IS NULL)
);
CREATE INDEX follow_up_visit_patient ON follow_up_visit (patient_id, visit_at);

-- The donor chimerism results reported at a visit, in the order entered.
CREATE TABLE follow_up_chimerism (
    visit_id       VARCHAR(36)      NOT NULL REFERENCES follow_up_visit (id),
    seq            INT              NOT NULL,
    compartment    VARCHAR(20)      NOT NULL,
    donor_percent  DOUBLE PRECISION NOT NULL,
    sampled_on     DATE             NOT NULL,
    PRIMARY KEY (visit_id, seq)
);
