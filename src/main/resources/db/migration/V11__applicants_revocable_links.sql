-- A link stops working when it expires or is revoked (when the applicant's data is scheduled for deletion).
ALTER TABLE applicant_access_token ADD COLUMN revoked_at TIMESTAMPTZ;
