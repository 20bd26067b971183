-- What screening found for an applicant: one row per listed entity, with the reviewer's decision on it. A decision
-- stays with the entity, so a false positive stays decided when the same entity matches again.
CREATE TABLE aml_match (
    id           UUID PRIMARY KEY,
    company_id   UUID        NOT NULL,
    applicant_id UUID        NOT NULL,
    entity_key   TEXT        NOT NULL,
    entity_name  TEXT        NOT NULL,
    matched_name TEXT        NOT NULL,
    source       TEXT        NOT NULL,
    list_type    TEXT        NOT NULL,
    match_rate   INT         NOT NULL,
    explanation  TEXT        NOT NULL,
    status       TEXT        NOT NULL,
    comment      TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (applicant_id, entity_key)
);
CREATE INDEX aml_match_company ON aml_match (company_id, applicant_id);
