-- A mail may carry one attachment (a weekly service report as PDF); it is dropped once the SMTP server took the mail.
ALTER TABLE outgoing_mail
    ADD COLUMN attachment_name TEXT,
    ADD COLUMN attachment_type TEXT,
    ADD COLUMN attachment      BYTEA;
