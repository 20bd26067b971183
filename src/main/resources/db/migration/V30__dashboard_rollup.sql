-- The dashboard's daily roll-up: per company, mode and day an applicant was created, how many applicants have each
-- fact now (a status, a country, open and resolved warnings, each step's outcome, the step a verification failed
-- at). The dashboard sums days, never applicants, so it answers as fast for a million applicants as for ten.
CREATE TABLE dashboard_day (
    company_id UUID   NOT NULL,
    mode       TEXT   NOT NULL,
    day        DATE   NOT NULL,
    dimension  TEXT   NOT NULL,
    key        TEXT   NOT NULL,
    count      BIGINT NOT NULL,
    PRIMARY KEY (company_id, mode, day, dimension, key)
);

-- What each applicant adds to the roll-up now, so a change moves only the difference.
CREATE TABLE dashboard_applicant (
    applicant_id UUID PRIMARY KEY,
    company_id   UUID NOT NULL,
    mode         TEXT NOT NULL,
    day          DATE NOT NULL,
    facts        TEXT NOT NULL
);
