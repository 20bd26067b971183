-- A company's questionnaires: the schema (SurveyJS JSON, as the builder saves it) and a version counted up on every
-- save.
CREATE TABLE questionnaire (
    id          UUID PRIMARY KEY,
    company_id  UUID        NOT NULL,
    name        TEXT        NOT NULL,
    description TEXT        NOT NULL DEFAULT '',
    schema      TEXT        NOT NULL,
    version     INT         NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX questionnaire_company ON questionnaire (company_id, lower(name));

-- An applicant's answers, checked against the schema they answered, which is kept with them.
CREATE TABLE questionnaire_answer (
    id               UUID PRIMARY KEY,
    company_id       UUID        NOT NULL,
    applicant_id     UUID        NOT NULL,
    questionnaire_id UUID        NOT NULL,
    version          INT         NOT NULL,
    name             TEXT        NOT NULL,
    schema           TEXT        NOT NULL,
    answers          TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX questionnaire_answer_applicant ON questionnaire_answer (company_id, applicant_id, created_at);
