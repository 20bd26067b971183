-- Liveness attempts: the challenge issued, then what the frames showed. The frames are media items of the applicant.
CREATE TABLE liveness_attempt (
    id           UUID PRIMARY KEY,
    company_id   UUID        NOT NULL,
    applicant_id UUID        NOT NULL,
    mode         TEXT        NOT NULL,
    actions      TEXT        NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('OPEN', 'PASSED', 'FAILED', 'NOT_AVAILABLE')),
    passive      DOUBLE PRECISION,
    details      TEXT,
    frames       TEXT,
    best_frame   UUID,
    created_at   TIMESTAMPTZ NOT NULL,
    decided_at   TIMESTAMPTZ
);
CREATE INDEX liveness_attempt_applicant ON liveness_attempt (company_id, applicant_id, created_at);

-- Face matches: the faces compared (source, media item, box) and the similarity of every pair.
CREATE TABLE face_match (
    id           UUID PRIMARY KEY,
    company_id   UUID        NOT NULL,
    applicant_id UUID        NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('MATCH', 'NO_MATCH', 'NO_FACE', 'NOT_AVAILABLE')),
    percent      INT,
    threshold    INT         NOT NULL,
    faces        TEXT        NOT NULL,
    pairs        TEXT        NOT NULL,
    problems     TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX face_match_applicant ON face_match (company_id, applicant_id, created_at);
