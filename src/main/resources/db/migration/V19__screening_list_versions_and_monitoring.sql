-- Every list imported is kept as a version: one row per entity with a digest of its content, so a new version is
-- compared with the one before it entity by entity. The CURRENT version of each list is what screening uses; a few
-- PREVIOUS ones stay. A file or download that could not be read is recorded as REFUSED, with why, and changes nothing.
CREATE TABLE screening_list_version (
    id          BIGSERIAL PRIMARY KEY,
    list_name   TEXT        NOT NULL,
    origin      TEXT        NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('CURRENT', 'PREVIOUS', 'RETIRED', 'REFUSED')),
    digest      TEXT,
    entities    INT         NOT NULL DEFAULT 0,
    added       INT         NOT NULL DEFAULT 0,
    changed     INT         NOT NULL DEFAULT 0,
    removed     INT         NOT NULL DEFAULT 0,
    problem     TEXT,
    imported_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX screening_list_current ON screening_list_version (list_name) WHERE status = 'CURRENT';
CREATE INDEX screening_list_version_name ON screening_list_version (list_name, id);

CREATE TABLE screening_list_entity (
    version_id BIGINT NOT NULL REFERENCES screening_list_version (id) ON DELETE CASCADE,
    entity_key TEXT   NOT NULL,
    digest     TEXT   NOT NULL,
    data       TEXT   NOT NULL,
    PRIMARY KEY (version_id, entity_key)
);

-- Who is watched: an applicant screened by an AML step with ongoing monitoring, or a manual scan a reviewer chose to
-- monitor. List changes are screened against every active subject at once; a full screening follows the periodicity.
CREATE TABLE aml_monitoring (
    id               UUID PRIMARY KEY,
    company_id       UUID        NOT NULL,
    mode             TEXT        NOT NULL,
    applicant_id     UUID UNIQUE,
    scan_id          UUID UNIQUE REFERENCES aml_scan (id) ON DELETE CASCADE,
    subject          TEXT        NOT NULL,
    periodicity      TEXT        NOT NULL CHECK (periodicity IN ('DAILY', 'WEEKLY', 'MONTHLY')),
    active           BOOLEAN     NOT NULL,
    last_screened_at TIMESTAMPTZ,
    next_due_at      TIMESTAMPTZ NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    CHECK ((applicant_id IS NULL) <> (scan_id IS NULL))
);
CREATE INDEX aml_monitoring_due ON aml_monitoring (next_due_at) WHERE active;
CREATE INDEX aml_monitoring_company ON aml_monitoring (company_id, mode);

-- A manual scan's findings are cases too, with the same statuses as an applicant's.
ALTER TABLE aml_match ALTER COLUMN applicant_id DROP NOT NULL;
ALTER TABLE aml_match ADD COLUMN scan_id UUID REFERENCES aml_scan (id) ON DELETE CASCADE;
ALTER TABLE aml_match ADD COLUMN mode TEXT;
ALTER TABLE aml_match ADD COLUMN found_by TEXT NOT NULL DEFAULT 'SCREENING';
ALTER TABLE aml_match ADD COLUMN subject_name TEXT;
UPDATE aml_match m SET mode = lower(a.mode) FROM applicant a WHERE a.id = m.applicant_id;
ALTER TABLE aml_match ALTER COLUMN mode SET NOT NULL;
ALTER TABLE aml_match ADD CONSTRAINT aml_match_one_subject CHECK ((applicant_id IS NULL) <> (scan_id IS NULL));
ALTER TABLE aml_match ADD CONSTRAINT aml_match_scan_entity UNIQUE (scan_id, entity_key);
CREATE INDEX aml_match_scan ON aml_match (company_id, scan_id);

-- Comments on a match are a thread: who said what, when.
CREATE TABLE aml_match_comment (
    id         UUID PRIMARY KEY,
    company_id UUID        NOT NULL,
    match_id   UUID        NOT NULL REFERENCES aml_match (id) ON DELETE CASCADE,
    author_id  UUID,
    status     TEXT        NOT NULL,
    body       TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX aml_match_comment_match ON aml_match_comment (match_id, created_at);
INSERT INTO aml_match_comment (id, company_id, match_id, author_id, status, body, created_at)
SELECT gen_random_uuid(), company_id, id, NULL, status, comment, updated_at FROM aml_match WHERE comment IS NOT NULL;
ALTER TABLE aml_match DROP COLUMN comment;
