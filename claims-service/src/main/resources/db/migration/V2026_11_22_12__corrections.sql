-- Reviewers' corrections of extraction, append-only: who changed which claim or cluster, why, and what it was
-- before and after.
CREATE TABLE correction (
    id          UUID        PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    claim_id    UUID,
    cluster_id  UUID,
    reason      TEXT,
    before      JSONB,
    after       JSONB
);
CREATE INDEX correction_claim ON correction (claim_id, at);
CREATE INDEX correction_cluster ON correction (cluster_id, at);
CREATE TRIGGER correction_no_change BEFORE UPDATE OR DELETE ON correction
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER correction_no_truncate BEFORE TRUNCATE ON correction
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();

-- What extraction made of a claim (type, sentence, figure), so a corrected claim is still recognised when its
-- article is re-extracted, and the correction carried over.
ALTER TABLE claim ADD COLUMN extracted_as TEXT;
ALTER TABLE claim ADD COLUMN corrected BOOLEAN NOT NULL DEFAULT false;

-- A cluster reviewers split or merged keeps the shape they gave it: clustering never merges it on its own.
ALTER TABLE claim_cluster ADD COLUMN curated BOOLEAN NOT NULL DEFAULT false;
