-- Erasure: a tombstone of the applicant stays (ids, status, the sealed timeline); every personal field goes.
ALTER TABLE applicant ADD COLUMN erased_at TIMESTAMPTZ;

-- Timeline seal format 2: the personal part (details, address, device) enters the chain through a digest keyed
-- with the applicant's data key, so it can be emptied on erasure while the chain still verifies.
ALTER TABLE applicant_event
    ADD COLUMN seal_version   INT NOT NULL DEFAULT 1 CHECK (seal_version IN (1, 2)),
    ADD COLUMN content_digest TEXT,
    ADD COLUMN erased_at      TIMESTAMPTZ;

-- Still append-only, with two narrow exceptions, both checked again by the keyed chain itself: erasing the personal
-- part of a format-2 entry (what seals it stays), and re-sealing a timeline that holds format-1 entries in format 2
-- (before an erasure) without changing any entry's content.
CREATE OR REPLACE FUNCTION applicant_event_append_only() RETURNS trigger AS
$$
BEGIN
    IF TG_OP = 'UPDATE'
        AND NEW.applicant_id = OLD.applicant_id AND NEW.sequence = OLD.sequence AND NEW.at = OLD.at
        AND NEW.actor_type = OLD.actor_type AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
        AND NEW.action = OLD.action THEN
        IF OLD.seal_version = 2 AND NEW.seal_version = 2 AND OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL
            AND NEW.details = '{}' AND NEW.ip IS NULL AND NEW.os IS NULL AND NEW.browser IS NULL
            AND NEW.content_digest = OLD.content_digest AND NEW.previous = OLD.previous AND NEW.hash = OLD.hash THEN
            RETURN NEW;
        END IF;
        IF NEW.seal_version = 2 AND OLD.erased_at IS NULL AND NEW.erased_at IS NULL
            AND NEW.details = OLD.details AND NEW.ip IS NOT DISTINCT FROM OLD.ip
            AND NEW.os IS NOT DISTINCT FROM OLD.os AND NEW.browser IS NOT DISTINCT FROM OLD.browser
            AND ((OLD.seal_version = 1 AND NEW.content_digest IS NOT NULL)
                OR (OLD.seal_version = 2 AND NEW.content_digest = OLD.content_digest)) THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'the applicant timeline is append-only';
END
$$ LANGUAGE plpgsql;
