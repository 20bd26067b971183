-- Step history: a reviewer's Deactivate moves a step's results out of the current ones (they stay, as history) and
-- Activate brings one back.
ALTER TABLE document_check ADD COLUMN deactivated_at TIMESTAMPTZ;
ALTER TABLE address_check ADD COLUMN deactivated_at TIMESTAMPTZ;
ALTER TABLE liveness_attempt ADD COLUMN deactivated_at TIMESTAMPTZ;
ALTER TABLE face_match ADD COLUMN deactivated_at TIMESTAMPTZ;
ALTER TABLE questionnaire_answer ADD COLUMN deactivated_at TIMESTAMPTZ;
