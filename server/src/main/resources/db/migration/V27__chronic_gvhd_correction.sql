-- Issue 18 (left last stop): a chronic GVHD assessment is corrected as an acute follow-up record is: by a new
-- assessment naming the one it corrects, with the reason. The corrected row stays as it was; a record is corrected
-- once (a later correction names the correction).
ALTER TABLE chronic_gvhd_assessment ADD COLUMN corrects_id VARCHAR(36) REFERENCES chronic_gvhd_assessment (id);
ALTER TABLE chronic_gvhd_assessment ADD COLUMN correction_reason VARCHAR(1000);
CREATE UNIQUE INDEX chronic_gvhd_corrected_once ON chronic_gvhd_assessment (corrects_id);
ALTER TABLE chronic_gvhd_assessment ADD CONSTRAINT chronic_gvhd_correction_reason
    CHECK ((corrects_id IS NULL AND correction_reason IS NULL) OR (corrects_id IS NOT NULL AND correction_reason IS NOT NULL));
