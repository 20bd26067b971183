-- A company's goal of successful verifications per day, per mode, that the dashboard compares the days with.
CREATE TABLE dashboard_target (
    company_id         UUID        NOT NULL,
    mode               TEXT        NOT NULL,
    successful_per_day INTEGER     NOT NULL CHECK (successful_per_day > 0),
    updated_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (company_id, mode)
);
