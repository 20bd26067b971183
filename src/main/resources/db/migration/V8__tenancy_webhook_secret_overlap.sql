-- After a webhook secret is rotated the previous one keeps signing, next to the new one, for a day, so
-- receivers can switch without losing events.
ALTER TABLE application ADD COLUMN previous_webhook_secret_sealed TEXT;
ALTER TABLE application ADD COLUMN previous_webhook_secret_until TIMESTAMPTZ;
