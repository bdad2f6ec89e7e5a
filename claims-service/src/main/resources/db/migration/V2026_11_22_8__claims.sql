-- The claims of each article revision, as extracted; a newer revision's claims replace the older ones in
-- the listing, the older rows stay for the audit of what was said when.
CREATE TABLE claim (
    id               UUID             PRIMARY KEY,
    article_id       UUID             NOT NULL,
    revision         INTEGER          NOT NULL,
    type             TEXT             NOT NULL,
    text             TEXT             NOT NULL,
    start_offset     INTEGER          NOT NULL,
    end_offset       INTEGER          NOT NULL,
    q_value          DOUBLE PRECISION,
    q_low            DOUBLE PRECISION,
    q_high           DOUBLE PRECISION,
    q_qualifier      TEXT,
    q_unit           TEXT,
    q_subject        TEXT,
    q_text           TEXT,
    q_start          INTEGER,
    q_end            INTEGER,
    speaker          TEXT,
    attribution      TEXT,
    places           TEXT[]           NOT NULL DEFAULT '{}',
    actor            TEXT,
    checkworthiness  DOUBLE PRECISION NOT NULL,
    cluster_id       UUID             NOT NULL,
    status           TEXT             NOT NULL DEFAULT 'PENDING',
    created_at       TIMESTAMPTZ      NOT NULL DEFAULT now(),
    FOREIGN KEY (article_id, revision) REFERENCES received_article (article_id, revision)
);
CREATE INDEX claim_article ON claim (article_id, revision);
CREATE INDEX claim_cluster ON claim (cluster_id);
CREATE INDEX claim_type_status ON claim (type, status);

-- Which revision of each article is current: the listing shows its claims.
ALTER TABLE received_article ADD COLUMN extraction_status TEXT NOT NULL DEFAULT 'PENDING';
