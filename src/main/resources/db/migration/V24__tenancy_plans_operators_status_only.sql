-- Plans: a trial of another plan for a while; status-only KYC and how long its personal data is kept.
ALTER TABLE company
    ADD COLUMN trial_plan    TEXT,
    ADD COLUMN trial_ends_at TIMESTAMPTZ,
    ADD COLUMN status_only   BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN retention     TEXT    NOT NULL DEFAULT 'SINGLE_EVENT' CHECK (retention IN ('SINGLE_EVENT', 'ONGOING'));

-- New verifications per company, mode and calendar month (UTC): the metering of live use and the free allowance.
CREATE TABLE usage_month (
    company_id    UUID    NOT NULL,
    mode          TEXT    NOT NULL,
    month         DATE    NOT NULL,
    verifications INT     NOT NULL,
    PRIMARY KEY (company_id, mode, month)
);

-- Every time a platform operator opens a company's workplace, every request made there, and the leaving.
CREATE TABLE operator_access (
    id            UUID PRIMARY KEY,
    company_id    UUID        NOT NULL REFERENCES company (id),
    operator_id   UUID        NOT NULL,
    operator_name TEXT        NOT NULL,
    action        TEXT        NOT NULL CHECK (action IN ('OPEN', 'REQUEST', 'LEAVE', 'REFUSED')),
    detail        TEXT        NOT NULL,
    at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX operator_access_company ON operator_access (company_id, at DESC);

-- Archived applicants (status-only companies): personal data erased, status and certificates kept.
ALTER TABLE applicant ADD COLUMN archived_at TIMESTAMPTZ;
