-- What identifies a person across applicants, as keyed hashes (HMAC under a key derived from the master key): a
-- crypto address, a national ID number, a passport number. Never the values themselves.
CREATE TABLE identity_key (
    company_id   UUID        NOT NULL,
    mode         TEXT        NOT NULL,
    applicant_id UUID        NOT NULL,
    kind         TEXT        NOT NULL CHECK (kind IN ('CRYPTO_ADDRESS', 'NATIONAL_ID', 'PASSPORT')),
    digest       TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (applicant_id, kind, digest)
);
CREATE INDEX identity_key_digest ON identity_key (company_id, mode, kind, digest);
