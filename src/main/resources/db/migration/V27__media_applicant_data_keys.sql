-- Each applicant's data key, wrapped by the master key; destroyed when the applicant is erased. The list of destroyed
-- keys keeps a late writer from making a new key for an erased applicant.
CREATE TABLE applicant_data_key (
    applicant_id UUID PRIMARY KEY,
    company_id   UUID        NOT NULL,
    wrapped_key  TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE TABLE applicant_data_key_destroyed (
    applicant_id UUID PRIMARY KEY,
    destroyed_at TIMESTAMPTZ NOT NULL
);

-- Media stored since then are encrypted with the applicant's key too (inside the company's encryption).
ALTER TABLE media_item ADD COLUMN applicant_key BOOLEAN NOT NULL DEFAULT FALSE;
