-- Audit entries are first written, in the same transaction as the write they record, to audit_pending
-- (no lock, so concurrent writes commit together); a sealer then appends them to the hash chain in
-- audit_entry under the chain-head lock, usually within a fraction of a second.
CREATE TABLE audit_pending (
    id         VARCHAR(36)  PRIMARY KEY,
    at         TIMESTAMP    NOT NULL,
    username   VARCHAR(64)  NOT NULL,
    action     VARCHAR(100) NOT NULL,
    resource   VARCHAR(300) NOT NULL,
    patient_id VARCHAR(36),
    outcome    VARCHAR(40)  NOT NULL
);
CREATE INDEX audit_pending_at ON audit_pending (at);
