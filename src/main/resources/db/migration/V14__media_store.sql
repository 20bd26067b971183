-- Each company's data key, which encrypts its media files; stored wrapped (AES-GCM) under the master key.
CREATE TABLE media_data_key (
    company_id  UUID PRIMARY KEY,
    wrapped_key TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

-- What applicants uploaded: checked, re-encoded, and kept encrypted in the blob store under blob_key.
CREATE TABLE media_item (
    id           UUID PRIMARY KEY,
    company_id   UUID        NOT NULL,
    applicant_id UUID        NOT NULL,
    purpose      TEXT        NOT NULL,
    content_type TEXT        NOT NULL,
    size_bytes   BIGINT      NOT NULL,
    width        INT,
    height       INT,
    sha256       TEXT        NOT NULL,
    blob_key     TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX media_item_applicant ON media_item (applicant_id, created_at);
