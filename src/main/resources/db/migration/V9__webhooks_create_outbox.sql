-- The last event number given to each applicant; events of one applicant are numbered 1, 2, 3, ...
CREATE TABLE webhook_sequence (
    applicant_id  UUID PRIMARY KEY,
    last_sequence BIGINT NOT NULL
);

-- Every event for integrators, written in the transaction of the change it reports (the outbox).
CREATE TABLE webhook_event (
    id             UUID PRIMARY KEY,
    company_id     UUID        NOT NULL,
    mode           TEXT        NOT NULL,
    application_id UUID        NOT NULL,
    applicant_id   UUID,
    type           TEXT        NOT NULL,
    sequence       BIGINT      NOT NULL,
    payload        TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_event_applicant ON webhook_event (applicant_id, sequence);
CREATE INDEX webhook_event_created ON webhook_event (created_at);

-- One event on its way to one webhook URL. PENDING until a 2xx answer (DELIVERED) or until the attempts run
-- out (UNDELIVERED). While an instance sends it, next_attempt_at is the end of that instance's lease.
CREATE TABLE webhook_delivery (
    id               UUID PRIMARY KEY,
    event_id         UUID        NOT NULL REFERENCES webhook_event (id) ON DELETE CASCADE,
    company_id       UUID        NOT NULL,
    mode             TEXT        NOT NULL,
    application_id   UUID        NOT NULL,
    applicant_id     UUID,
    sequence         BIGINT      NOT NULL,
    state            TEXT        NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'UNDELIVERED')),
    attempts         INT         NOT NULL DEFAULT 0,
    max_attempts     INT         NOT NULL,
    next_attempt_at  TIMESTAMPTZ,
    last_attempt_at  TIMESTAMPTZ,
    last_status_code INT,
    last_error       TEXT,
    response_excerpt TEXT,
    delivered_at     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_delivery_event ON webhook_delivery (event_id);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_waiting ON webhook_delivery (application_id, applicant_id, sequence)
    WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_log ON webhook_delivery (company_id, mode, application_id, created_at DESC);
CREATE INDEX webhook_delivery_undelivered ON webhook_delivery (company_id, mode, created_at DESC)
    WHERE state = 'UNDELIVERED';

-- Each attempt of a delivery, numbered; the primary key makes two instances sending one attempt impossible.
CREATE TABLE webhook_attempt (
    delivery_id      UUID        NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    number           INT         NOT NULL,
    instance         TEXT        NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ,
    url              TEXT,
    status_code      INT,
    error            TEXT,
    response_excerpt TEXT,
    PRIMARY KEY (delivery_id, number)
);
