-- Manual AML scans: who searched what, in which mode, and what was found (results as JSON, as answered).
CREATE TABLE aml_scan (
    id          UUID PRIMARY KEY,
    company_id  UUID        NOT NULL,
    mode        TEXT        NOT NULL,
    created_by  UUID,
    request     TEXT        NOT NULL,
    results     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX aml_scan_company ON aml_scan (company_id, mode, created_at);
