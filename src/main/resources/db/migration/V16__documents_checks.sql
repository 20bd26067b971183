-- The identity document an applicant presented, as checked: what was read (MRZ and fields with their source and
-- status), the photo quality measures, and the overall verdict. The latest row per applicant is the current one.
CREATE TABLE document_check (
    id              UUID PRIMARY KEY,
    company_id      UUID        NOT NULL,
    applicant_id    UUID        NOT NULL,
    document_type   TEXT        NOT NULL,
    issuing_country TEXT        NOT NULL,
    document_number TEXT,
    front_media_id  UUID        NOT NULL,
    back_media_id   UUID,
    mrz_source      TEXT        NOT NULL,
    mrz_lines       TEXT        NOT NULL DEFAULT '',
    ocr_lines       TEXT        NOT NULL DEFAULT '',
    valid           BOOLEAN     NOT NULL,
    fields          TEXT        NOT NULL,
    quality         TEXT        NOT NULL,
    problems        TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX document_check_applicant ON document_check (company_id, applicant_id, created_at);
CREATE INDEX document_check_number ON document_check (company_id, document_number);

-- A proof of address: the text read from the bill or statement, what was found in it, and the verdict.
CREATE TABLE address_check (
    id           UUID PRIMARY KEY,
    company_id   UUID        NOT NULL,
    applicant_id UUID        NOT NULL,
    media_id     UUID        NOT NULL,
    result       TEXT        NOT NULL,
    findings     TEXT        NOT NULL,
    text         TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX address_check_applicant ON address_check (company_id, applicant_id, created_at);
