-- When a deletion was asked for, the applicant's data is erased once this moment has passed (unless restored).
ALTER TABLE applicant ADD COLUMN deletion_scheduled_at TIMESTAMPTZ;
CREATE INDEX applicant_deletion_due ON applicant (deletion_scheduled_at) WHERE deletion_scheduled_at IS NOT NULL;
