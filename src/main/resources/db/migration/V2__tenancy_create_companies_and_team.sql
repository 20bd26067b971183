CREATE TABLE company (
    id                      UUID PRIMARY KEY,
    name                    TEXT        NOT NULL,
    address                 TEXT        NOT NULL DEFAULT '',
    phone                   TEXT        NOT NULL DEFAULT '',
    email                   TEXT        NOT NULL DEFAULT '',
    contact                 TEXT        NOT NULL DEFAULT '',
    info                    TEXT        NOT NULL DEFAULT '',
    client_key              TEXT        NOT NULL UNIQUE,
    status                  TEXT        NOT NULL,
    integration_type        TEXT        NOT NULL,
    plan                    TEXT        NOT NULL,
    private_key_test_hash   TEXT        NOT NULL UNIQUE,
    private_key_test_sealed TEXT        NOT NULL,
    private_key_live_hash   TEXT        NOT NULL UNIQUE,
    private_key_live_sealed TEXT        NOT NULL,
    created_at              TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL,
    version                 INT         NOT NULL
);

CREATE TABLE role (
    id          UUID PRIMARY KEY,
    company_id  UUID        NOT NULL REFERENCES company (id),
    name        TEXT        NOT NULL,
    description TEXT        NOT NULL DEFAULT '',
    permissions TEXT        NOT NULL,
    builtin     TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    version     INT         NOT NULL
);
CREATE UNIQUE INDEX role_name_per_company ON role (company_id, lower(name));

CREATE TABLE member (
    id                 UUID PRIMARY KEY,
    company_id         UUID        NOT NULL REFERENCES company (id),
    email              TEXT        NOT NULL,
    full_name          TEXT        NOT NULL,
    phone              TEXT        NOT NULL DEFAULT '',
    position           TEXT        NOT NULL DEFAULT '',
    password_hash      TEXT        NOT NULL,
    role_id            UUID        NOT NULL REFERENCES role (id),
    status             TEXT        NOT NULL,
    language           TEXT        NOT NULL,
    totp_secret_sealed TEXT,
    totp_enabled       BOOLEAN     NOT NULL DEFAULT FALSE,
    failed_sign_ins    INT         NOT NULL DEFAULT 0,
    locked_until       TIMESTAMPTZ,
    last_sign_in_at    TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            INT         NOT NULL
);
CREATE UNIQUE INDEX member_email ON member (lower(email));
CREATE INDEX member_company ON member (company_id);

CREATE TABLE invitation (
    id          UUID PRIMARY KEY,
    company_id  UUID        NOT NULL REFERENCES company (id),
    email       TEXT        NOT NULL,
    role_id     UUID        NOT NULL REFERENCES role (id),
    token_hash  TEXT        NOT NULL UNIQUE,
    invited_by  UUID        NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    accepted_at TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL,
    version     INT         NOT NULL
);
CREATE INDEX invitation_company ON invitation (company_id);

-- Links sent by mail (email verification, password reset): only their fingerprint is stored.
CREATE TABLE one_time_token (
    token_hash TEXT PRIMARY KEY,
    member_id  UUID        NOT NULL REFERENCES member (id),
    purpose    TEXT        NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL
);

-- Bearer tokens of workplace users for automation: only their fingerprint is stored.
CREATE TABLE api_token (
    token_hash TEXT PRIMARY KEY,
    member_id  UUID        NOT NULL REFERENCES member (id),
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX api_token_expiry ON api_token (expires_at);

-- Failed sign-ins, for throttling by address across every instance.
CREATE TABLE sign_in_failure (
    id             BIGSERIAL PRIMARY KEY,
    remote_address TEXT        NOT NULL,
    at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX sign_in_failure_by_address ON sign_in_failure (remote_address, at);

CREATE TABLE application (
    id                    UUID PRIMARY KEY,
    company_id            UUID        NOT NULL REFERENCES company (id),
    mode                  TEXT        NOT NULL CHECK (mode IN ('TEST', 'LIVE')),
    name                  TEXT        NOT NULL,
    description           TEXT        NOT NULL DEFAULT '',
    webhook_url           TEXT,
    webhook_headers       TEXT        NOT NULL DEFAULT '{}',
    redirect_url          TEXT,
    app_key               TEXT        NOT NULL UNIQUE,
    private_key_hash      TEXT        NOT NULL UNIQUE,
    private_key_sealed    TEXT        NOT NULL,
    crypto_key_sealed     TEXT        NOT NULL,
    webhook_secret_sealed TEXT        NOT NULL,
    is_default            BOOLEAN     NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    version               INT         NOT NULL
);
CREATE INDEX application_company_mode ON application (company_id, mode);
CREATE UNIQUE INDEX application_one_default ON application (company_id, mode) WHERE is_default;
