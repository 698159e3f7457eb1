-- A user name is taken whatever its letter case. The check before the insert cannot see a concurrent insert, so
-- the database holds the rule: the folded name is unique, and two simultaneous creations of "Nurse.A" and
-- "nurse.a" give one account and one 422 (the unique violation is read as the field's problem).
ALTER TABLE app_user ADD COLUMN username_key VARCHAR(64);
UPDATE app_user SET username_key = LOWER(username);
ALTER TABLE app_user ALTER COLUMN username_key SET NOT NULL;
CREATE UNIQUE INDEX app_user_folded_username ON app_user (username_key);
