-- The plan warnings (severity warning or danger) the person who started a session acknowledged at the
-- chair, as a JSON list of warning codes; who and when are started_by and started_at (the same act).
ALTER TABLE treatment_session ADD COLUMN start_acknowledged_json VARCHAR(2000);
