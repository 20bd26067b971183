-- Reviewers' notes on an applicant.
CREATE TABLE applicant_comment (
    id           UUID PRIMARY KEY,
    applicant_id UUID        NOT NULL REFERENCES applicant (id),
    author_id    UUID        NOT NULL,
    text         TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX applicant_comment_applicant ON applicant_comment (applicant_id, created_at);

-- A link may open an on-demand flow (a request for additional information) instead of the applicant's flow.
ALTER TABLE applicant_access_token ADD COLUMN flow_id UUID;
ALTER TABLE applicant_access_token ADD COLUMN flow_version INT;
