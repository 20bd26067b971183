-- Why a document could not be checked (the OCR model missing), when it could not: the zone is then neither valid nor
-- invalid, and a person looks.
ALTER TABLE document_check ADD COLUMN not_checked TEXT;
