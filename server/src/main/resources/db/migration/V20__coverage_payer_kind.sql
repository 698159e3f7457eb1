-- Issue 15, items 3 and 6: the kind of payer a coverage is with (medicare, medicaid, commercial, other), which the
-- coverage rules (billing/coverage-rules.tsv) are written by. Coverages recorded before keep no kind (NULL): their
-- coverage check answers "no rule — ask billing" until billing records the coverage again with its kind.
ALTER TABLE coverage ADD COLUMN payer_kind VARCHAR(20);
ALTER TABLE coverage ADD CONSTRAINT coverage_payer_kind
    CHECK (payer_kind IS NULL OR payer_kind IN ('medicare', 'medicaid', 'commercial', 'other'));
