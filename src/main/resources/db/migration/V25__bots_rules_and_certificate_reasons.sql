-- Why a CONSIDER certificate asks for a person, as codes the KYC bots read (comma-separated).
ALTER TABLE certificate ADD COLUMN reasons TEXT NOT NULL DEFAULT '';

-- The Advanced KYC Bot's rules of a company; without a row the defaults apply and the bot is off.
CREATE TABLE bot_settings (
    company_id UUID PRIMARY KEY,
    advanced   BOOLEAN     NOT NULL,
    rules      TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
