CREATE TABLE applicant (
    id                  UUID PRIMARY KEY,
    company_id          UUID        NOT NULL,
    mode                TEXT        NOT NULL CHECK (mode IN ('TEST', 'LIVE')),
    application_id      UUID        NOT NULL,
    external_user_id    TEXT        NOT NULL,
    flow_id             UUID        NOT NULL,
    flow_version        INT         NOT NULL,
    status              TEXT        NOT NULL,
    email               TEXT,
    phone               TEXT,
    lang                TEXT        NOT NULL,
    fixed_info          TEXT        NOT NULL DEFAULT '{}',
    info                TEXT        NOT NULL DEFAULT '{}',
    steps               TEXT        NOT NULL DEFAULT '[]',
    warnings            TEXT        NOT NULL DEFAULT '[]',
    reviewer_id         UUID,
    review_decision     TEXT,
    review_comment      TEXT,
    reject_labels       TEXT        NOT NULL DEFAULT '[]',
    country             TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    version             INT         NOT NULL
);
CREATE UNIQUE INDEX applicant_external_user ON applicant (application_id, external_user_id);
CREATE INDEX applicant_company_mode_created ON applicant (company_id, mode, created_at DESC);
CREATE INDEX applicant_company_mode_status ON applicant (company_id, mode, status);
CREATE INDEX applicant_flow ON applicant (flow_id);

-- Links that open the hosted flow for one applicant; only fingerprints are stored.
CREATE TABLE applicant_access_token (
    token_hash   TEXT PRIMARY KEY,
    applicant_id UUID        NOT NULL REFERENCES applicant (id),
    lang         TEXT        NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX applicant_access_token_applicant ON applicant_access_token (applicant_id);

-- The timeline: append-only and hash-chained per applicant. Each row's hash covers the previous row's hash,
-- so a changed or removed row breaks the chain from there on; the applicant row keeps the head.
CREATE TABLE applicant_event (
    applicant_id UUID        NOT NULL REFERENCES applicant (id),
    sequence     INT         NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    actor_type   TEXT        NOT NULL,
    actor_id     TEXT,
    action       TEXT        NOT NULL,
    details      TEXT        NOT NULL,
    ip           TEXT,
    os           TEXT,
    browser      TEXT,
    previous     TEXT        NOT NULL,
    hash         TEXT        NOT NULL,
    PRIMARY KEY (applicant_id, sequence)
);
ALTER TABLE applicant ADD COLUMN timeline_head TEXT;
ALTER TABLE applicant ADD COLUMN timeline_length INT NOT NULL DEFAULT 0;

CREATE FUNCTION applicant_event_append_only() RETURNS trigger AS
$$
BEGIN
    RAISE EXCEPTION 'the applicant timeline is append-only';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER applicant_event_append_only
    BEFORE UPDATE OR DELETE ON applicant_event
    FOR EACH ROW EXECUTE FUNCTION applicant_event_append_only();
