-- What a list version is and how fresh it is: its kind (SANCTIONS, PEP, WATCHLIST or an operator's OWN list), its
-- format, the date its publisher gave it (when the file says), and when it was last confirmed: loaded, or found
-- unchanged by a refresh. Coverage counts a list's age from that confirmation.
ALTER TABLE screening_list_version ADD COLUMN kind TEXT;
ALTER TABLE screening_list_version ADD COLUMN format TEXT;
ALTER TABLE screening_list_version ADD COLUMN published_at TIMESTAMPTZ;
ALTER TABLE screening_list_version ADD COLUMN confirmed_at TIMESTAMPTZ;
UPDATE screening_list_version SET kind = 'SANCTIONS', confirmed_at = imported_at WHERE status <> 'REFUSED';

-- Every time an applicant was screened, or could not be: against which list versions, and what was missing. An
-- INCOMPLETE screening waits for coverage and is run again when it returns (retried_at is then set).
CREATE TABLE aml_screening (
    id           UUID PRIMARY KEY,
    company_id   UUID        NOT NULL,
    mode         TEXT        NOT NULL,
    applicant_id UUID        NOT NULL,
    subject      TEXT        NOT NULL,
    required     TEXT        NOT NULL,
    complete     BOOLEAN     NOT NULL,
    lists        TEXT        NOT NULL,
    missing      TEXT        NOT NULL DEFAULT '',
    screened_at  TIMESTAMPTZ NOT NULL,
    retried_at   TIMESTAMPTZ
);
CREATE INDEX aml_screening_applicant ON aml_screening (company_id, applicant_id, screened_at);
CREATE INDEX aml_screening_waiting ON aml_screening (screened_at) WHERE NOT complete AND retried_at IS NULL;

-- What a manual scan and a monitoring run screened against.
ALTER TABLE aml_scan ADD COLUMN lists TEXT NOT NULL DEFAULT '[]';
ALTER TABLE aml_monitoring ADD COLUMN last_lists TEXT NOT NULL DEFAULT '[]';
