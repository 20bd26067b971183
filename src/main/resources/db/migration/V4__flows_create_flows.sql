CREATE TABLE flow (
    id                UUID PRIMARY KEY,
    company_id        UUID        NOT NULL,
    mode              TEXT        NOT NULL CHECK (mode IN ('TEST', 'LIVE')),
    name              TEXT        NOT NULL,
    type              TEXT        NOT NULL,
    is_default        BOOLEAN     NOT NULL,
    published_version INT         NOT NULL,
    definition        TEXT        NOT NULL,
    draft             TEXT,
    draft_saved_at    TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    version           INT         NOT NULL
);
CREATE INDEX flow_company_mode ON flow (company_id, mode);
CREATE UNIQUE INDEX flow_one_default ON flow (company_id, mode) WHERE is_default;

-- Every published version stays, so an applicant can always be shown the flow they went through.
CREATE TABLE flow_version (
    flow_id      UUID        NOT NULL REFERENCES flow (id),
    number       INT         NOT NULL,
    definition   TEXT        NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    published_by UUID,
    PRIMARY KEY (flow_id, number)
);
