-- Entries sealed from this version on carry an HMAC-SHA256 under the audit key, which is kept in a file outside
-- the database (docs/architecture/audit.md). mac_version says how an entry's hash was computed: 0 = plain
-- SHA-256 (every entry sealed before this version, which keeps verifying as before), 1 = HMAC-SHA256 v1.
ALTER TABLE audit_entry ADD COLUMN mac_version INTEGER DEFAULT 0 NOT NULL;
-- The HMAC of a fixed text under the key the chain is sealed with: a server process started with another key
-- is refused even before it has sealed anything. It tells nothing about the key.
ALTER TABLE audit_head ADD COLUMN key_check VARCHAR(64);
