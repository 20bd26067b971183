-- The one-time code an applicant was sent to prove an email address or a phone number. Only a keyed hash of the
-- code is kept.
CREATE TABLE hosted_code (
    applicant_id      UUID        NOT NULL,
    channel           TEXT        NOT NULL CHECK (channel IN ('EMAIL', 'PHONE')),
    sent_to           TEXT        NOT NULL,
    code_hash         TEXT        NOT NULL,
    expires_at        TIMESTAMPTZ NOT NULL,
    attempts_left     INT         NOT NULL,
    sends_in_window   INT         NOT NULL,
    window_started_at TIMESTAMPTZ NOT NULL,
    last_sent_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (applicant_id, channel)
);
