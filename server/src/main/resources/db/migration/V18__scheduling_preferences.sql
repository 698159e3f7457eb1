-- What the week's planner reads beyond the rota: the lab's turnaround (a unit rule), the pre-procedure labs an order
-- asks for before each session, and the times a patient prefers to come.

-- Minutes from a sample drawn on the patient's arrival to its result on the ward (UNIT RULE: the unit's own lab,
-- not a clinical fact; 60 min until the unit records its own figure on the unit page).
ALTER TABLE unit_rules ADD COLUMN lab_turnaround_min INTEGER DEFAULT 60 NOT NULL;

-- The order's pre-procedure labs: which lab fields, and how old (hours) a result may be at each session's start.
-- NULL when the order asks for none. Written by the physician with the order and fixed by the signature.
ALTER TABLE clinical_order ADD COLUMN pre_procedure_labs_json VARCHAR;

-- The times a patient or donor prefers to come, one window per day of the week (ISO: 1 Monday .. 7 Sunday). No row
-- for a person: no preference. A preference is a wish the planner weighs (a soft rule), never a refusal.
CREATE TABLE patient_preferred_time (
    patient_id  VARCHAR(36)  NOT NULL REFERENCES patient (id),
    day_of_week INTEGER      NOT NULL,
    from_time   TIME         NOT NULL,
    to_time     TIME         NOT NULL,
    PRIMARY KEY (patient_id, day_of_week)
);
