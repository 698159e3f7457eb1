-- Issue 15: the payer kind medicare-advantage (a Medicare Advantage plan, bound by Medicare's national coverage
-- determinations) is one the coverage rules are written for, and the API takes it; the check written with V20 did
-- not know it, so recording such a coverage failed. The check now takes every kind the product knows.
ALTER TABLE coverage DROP CONSTRAINT coverage_payer_kind;
ALTER TABLE coverage ADD CONSTRAINT coverage_payer_kind
    CHECK (payer_kind IS NULL OR payer_kind IN ('medicare', 'medicare-advantage', 'medicaid', 'commercial', 'other'));
