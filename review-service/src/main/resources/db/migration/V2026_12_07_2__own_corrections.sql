-- The last run of task versions caused by one reviewer's own corrections of its claims (from corrected_from, the
-- version before the first of them, to corrected_to): a rating that reviewer gives at a version inside the run is
-- current, since nothing changed under it but what they changed themselves.
ALTER TABLE task ADD COLUMN corrected_by TEXT;
ALTER TABLE task ADD COLUMN corrected_from BIGINT;
ALTER TABLE task ADD COLUMN corrected_to BIGINT;

-- A claim's figure, as announced: a claim whose figure conflicts with one of the lead's value disagrees with the lead.
ALTER TABLE cluster_claim ADD COLUMN figure DOUBLE PRECISION;
