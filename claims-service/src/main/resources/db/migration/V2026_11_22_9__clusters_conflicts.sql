-- Clusters as rows of their own: a merge points the absorbed cluster at the one that took its claims, and a
-- verdict is applied to the cluster once, then to its claims.
ALTER INDEX claim_cluster RENAME TO claim_by_cluster;
CREATE TABLE claim_cluster (
    id               UUID        PRIMARY KEY,
    created_at       TIMESTAMPTZ NOT NULL,
    merged_into      UUID        REFERENCES claim_cluster (id),
    verdict_id       UUID,
    verdict_rating   TEXT,
    verdict_version  INTEGER
);
INSERT INTO claim_cluster (id, created_at) SELECT cluster_id, min(created_at) FROM claim GROUP BY cluster_id;
ALTER TABLE claim ADD CONSTRAINT claim_cluster_fk FOREIGN KEY (cluster_id) REFERENCES claim_cluster (id);

-- What clustering compares a new claim with: the sentence's embedding, and keys a claim stating the same
-- thing very likely shares (content words, places, speaker, counted thing). Candidates are the latest few
-- claims under each key, read off the (key, created_at) index: bounded work however large the store grows.
-- Only current, undismissed claims keep their keys.
ALTER TABLE claim ADD COLUMN embedding REAL[];
CREATE TABLE claim_key (
    key         TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    claim_id    UUID        NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    article_id  UUID        NOT NULL,
    PRIMARY KEY (key, created_at, claim_id)
);
CREATE INDEX claim_key_claim ON claim_key (claim_id);

-- Full-text search over claim sentences; the SQL function is inlined by the planner, so the index serves it.
CREATE INDEX claim_text_search ON claim USING GIN (to_tsvector('english', text));
CREATE FUNCTION claim_text_matches(sentence TEXT, query TEXT) RETURNS BOOLEAN
    LANGUAGE SQL IMMUTABLE PARALLEL SAFE
    AS $$ SELECT to_tsvector('english', sentence) @@ websearch_to_tsquery('english', query) $$;

-- Figures about the same thing that cannot both hold, one row per pair (claim_a < claim_b).
CREATE TABLE conflict (
    id          UUID        PRIMARY KEY,
    cluster_id  UUID        NOT NULL REFERENCES claim_cluster (id),
    claim_a     UUID        NOT NULL REFERENCES claim (id),
    claim_b     UUID        NOT NULL REFERENCES claim (id),
    kind        TEXT        NOT NULL,
    detail      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    CHECK (claim_a < claim_b),
    UNIQUE (claim_a, claim_b)
);
CREATE INDEX conflict_cluster ON conflict (cluster_id);
