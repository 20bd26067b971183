-- Emails may be up to 254 characters, and the session's principal name is the email.
ALTER TABLE spring_session ALTER COLUMN principal_name TYPE VARCHAR(320);

-- The last time step a TOTP code was accepted for, so a code cannot be used twice.
ALTER TABLE member ADD COLUMN totp_last_step BIGINT;
