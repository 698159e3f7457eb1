-- The chair (or bed) a session takes place in, beside its separator: the day board groups sessions by
-- machine and chair. Optional: an infusion needs a chair but no machine; older sessions have none.
ALTER TABLE treatment_session ADD COLUMN chair VARCHAR(100);
