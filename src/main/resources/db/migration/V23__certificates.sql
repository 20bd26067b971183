-- Certificates: each finished check's result (CLEAR or CONSIDER), details and expiry. New data for a check issues a
-- new certificate of that kind; the one it replaces stays, no longer current.
CREATE TABLE certificate (
    id                 UUID PRIMARY KEY,
    company_id         UUID        NOT NULL,
    mode               TEXT        NOT NULL,
    applicant_id       UUID        NOT NULL,
    kind               TEXT        NOT NULL,
    result             TEXT        NOT NULL CHECK (result IN ('CLEAR', 'CONSIDER')),
    details            TEXT        NOT NULL,
    digest             TEXT        NOT NULL,
    issued_at          TIMESTAMPTZ NOT NULL,
    expires_at         TIMESTAMPTZ NOT NULL,
    current            BOOLEAN     NOT NULL,
    expiry_notified_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX certificate_current ON certificate (applicant_id, kind) WHERE current;
CREATE INDEX certificate_expiring ON certificate (expires_at) WHERE current AND expiry_notified_at IS NULL;
