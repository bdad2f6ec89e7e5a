-- How closely a copy follows its original (the share of its sentences with a counterpart there).
ALTER TABLE article_revision ADD COLUMN copy_similarity DOUBLE PRECISION;

-- Band keys of each revision's content words join the shingle bands in article_band. Revisions stored before
-- have none yet (false here); ingest-service adds them in the background at start. New rows default to true.
ALTER TABLE article_revision ADD COLUMN words_indexed BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE article_revision ALTER COLUMN words_indexed SET DEFAULT true;
CREATE INDEX article_words_unindexed ON article_revision (revision_id) WHERE NOT words_indexed;
