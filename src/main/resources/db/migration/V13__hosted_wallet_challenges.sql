-- The message an applicant signs to prove they control a crypto address. The nonce makes every message unique,
-- and a challenge is used once.
CREATE TABLE hosted_wallet_challenge (
    id           BIGSERIAL PRIMARY KEY,
    nonce        TEXT        NOT NULL UNIQUE,
    applicant_id UUID        NOT NULL,
    network      TEXT        NOT NULL,
    address      TEXT        NOT NULL,
    message      TEXT        NOT NULL,
    issued_at    TIMESTAMPTZ NOT NULL,
    used_at      TIMESTAMPTZ
);
CREATE INDEX hosted_wallet_challenge_applicant ON hosted_wallet_challenge (applicant_id, id DESC);
