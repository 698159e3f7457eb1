-- Issue 15: the unit's financial-assistance policy, set by an administrator. Every version is kept (a new policy
-- is a new row; no row is updated): the newest is the one in force, the others are its history. Until one is set,
-- the policy shipped with the server (an EXAMPLE) holds. Tiers are "up to % of the guideline:discount %" pairs,
-- separated by ";", bounds strictly increasing (checked by the server before the row is written).
CREATE TABLE assistance_policy (
    id                               VARCHAR(36)   PRIMARY KEY,
    guideline_year                   INT           NOT NULL,
    guideline_first_person           NUMERIC(12,2) NOT NULL,
    guideline_per_additional_person  NUMERIC(12,2) NOT NULL,
    currency                         CHAR(3)       NOT NULL,
    tiers                            VARCHAR(2000) NOT NULL,
    source                           VARCHAR(1000) NOT NULL,
    set_at                           TIMESTAMP     NOT NULL,
    set_by                           VARCHAR(64)   NOT NULL,
    CONSTRAINT assistance_policy_guideline_positive CHECK (guideline_first_person > 0
        AND guideline_per_additional_person >= 0)
);
CREATE INDEX assistance_policy_set_at ON assistance_policy (set_at);
