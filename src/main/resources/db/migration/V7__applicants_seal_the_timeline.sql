-- The timeline's head and length are sealed with a keyed hash, so cutting entries off the end shows.
ALTER TABLE applicant ADD COLUMN timeline_seal TEXT;

CREATE TRIGGER applicant_event_no_truncate
    BEFORE TRUNCATE ON applicant_event
    FOR EACH STATEMENT EXECUTE FUNCTION applicant_event_append_only();
