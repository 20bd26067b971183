-- The device the applicant started the hosted flow on: address, its country, operating system and browser.
ALTER TABLE applicant ADD COLUMN device TEXT NOT NULL DEFAULT '{}';
