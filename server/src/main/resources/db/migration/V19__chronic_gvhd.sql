-- Chronic GVHD at follow-up (issues 18 and 13): the eight NIH organ scores as the physician entered them, the
-- organs whose whole abnormality was explained by a documented non-GVHD cause, and the global severity with its
-- rule as computed when the assessment was recorded, stored with the grading system that computed it (so a later
-- change of rules never rewrites a recorded severity). Append-only: no row is ever updated.
CREATE TABLE chronic_gvhd_assessment (
    id                     VARCHAR(36)   PRIMARY KEY,
    patient_id             VARCHAR(36)   NOT NULL REFERENCES patient (id),
    assessed_at            TIMESTAMP     NOT NULL,
    skin_score             INT           NOT NULL,
    mouth_score            INT           NOT NULL,
    eyes_score             INT           NOT NULL,
    gi_tract_score         INT           NOT NULL,
    liver_score            INT           NOT NULL,
    lungs_score            INT           NOT NULL,
    joints_fascia_score    INT           NOT NULL,
    genital_tract_score    INT           NOT NULL,
    -- the API codes of the organs not counted, comma-separated in the order of the NIH form; empty for none
    non_gvhd_cause_organs  VARCHAR(200)  NOT NULL,
    severity               VARCHAR(10)   NOT NULL,
    severity_rule          VARCHAR(2000) NOT NULL,
    grading_system         VARCHAR(40)   NOT NULL,
    grading_version        VARCHAR(40)   NOT NULL,
    grading_source         VARCHAR(400)  NOT NULL,
    note                   VARCHAR(1000),
    recorded_at            TIMESTAMP     NOT NULL,
    recorded_by            VARCHAR(64)   NOT NULL,
    CONSTRAINT chronic_gvhd_scores_0_to_3 CHECK (skin_score BETWEEN 0 AND 3 AND mouth_score BETWEEN 0 AND 3
        AND eyes_score BETWEEN 0 AND 3 AND gi_tract_score BETWEEN 0 AND 3 AND liver_score BETWEEN 0 AND 3
        AND lungs_score BETWEEN 0 AND 3 AND joints_fascia_score BETWEEN 0 AND 3 AND genital_tract_score BETWEEN 0 AND 3),
    CONSTRAINT chronic_gvhd_severity_known CHECK (severity IN ('NONE', 'MILD', 'MODERATE', 'SEVERE'))
);
CREATE INDEX chronic_gvhd_assessment_patient ON chronic_gvhd_assessment (patient_id, assessed_at);

-- A photopheresis order may name the chronic GVHD assessment it treats, as part of its indication.
ALTER TABLE clinical_order ADD COLUMN indication_chronic_gvhd_id VARCHAR(36) REFERENCES chronic_gvhd_assessment (id);
