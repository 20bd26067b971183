-- The one-time code an applicant was sent to prove an email address. Only a keyed hash of the code is kept.
CREATE TABLE hosted_email_code (
    applicant_id      UUID PRIMARY KEY,
    email             TEXT        NOT NULL,
    code_hash         TEXT        NOT NULL,
    expires_at        TIMESTAMPTZ NOT NULL,
    attempts_left     INT         NOT NULL,
    sends_in_window   INT         NOT NULL,
    window_started_at TIMESTAMPTZ NOT NULL,
    last_sent_at      TIMESTAMPTZ NOT NULL
);
