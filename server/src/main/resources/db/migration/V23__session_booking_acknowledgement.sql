-- A session booked or moved by hand outside the unit's rules (opening hours, a closed day, the lab's cut-off for a
-- collection, pre-procedure labs not back): the warnings the booker read and booked anyway (on call), with who and
-- when, as JSON ({"warnings": [{"code", "message"}], "acknowledgedBy", "acknowledgedAt"}). Null for a session booked
-- inside them; a later move replaces it (the audit trail keeps each).
ALTER TABLE treatment_session ADD COLUMN booking_acknowledgement_json VARCHAR(4000);
