-- One row per revision of an article; the latest revision of each article is flagged.
CREATE TABLE article_revision (
    revision_id  UUID PRIMARY KEY,
    article_id   UUID        NOT NULL,
    revision     INTEGER     NOT NULL,
    latest       BOOLEAN     NOT NULL,
    title        TEXT        NOT NULL,
    outlet       TEXT        NOT NULL,
    url          TEXT,
    published_at TIMESTAMPTZ,
    ingested_at  TIMESTAMPTZ NOT NULL,
    language     TEXT        NOT NULL,
    format       TEXT        NOT NULL,
    body         TEXT        NOT NULL,
    clean_text   TEXT        NOT NULL,
    removed      JSONB       NOT NULL,
    copy_of      UUID,
    content_hash TEXT        NOT NULL,
    minhash      INTEGER[]   NOT NULL,
    UNIQUE (article_id, revision)
);

CREATE UNIQUE INDEX article_latest_url ON article_revision (url) WHERE latest AND url IS NOT NULL;
CREATE UNIQUE INDEX article_latest_id ON article_revision (article_id) WHERE latest;
CREATE INDEX article_latest_ingested ON article_revision (ingested_at DESC) WHERE latest;
CREATE INDEX article_latest_outlet ON article_revision (outlet, ingested_at DESC) WHERE latest;
CREATE INDEX article_latest_published ON article_revision (published_at) WHERE latest;
CREATE INDEX article_content_hash ON article_revision (content_hash);

-- Locality-sensitive band keys of each revision's MinHash signature, to find near-duplicate candidates.
CREATE TABLE article_band (
    band       BIGINT  NOT NULL,
    article_id UUID    NOT NULL,
    revision   INTEGER NOT NULL,
    PRIMARY KEY (band, article_id, revision)
);

-- Short lines an outlet prints across its articles (menus, kickers, stock promos), counted per article.
CREATE TABLE outlet_line (
    outlet    TEXT    NOT NULL,
    line_hash BIGINT  NOT NULL,
    articles  INTEGER NOT NULL,
    PRIMARY KEY (outlet, line_hash)
);
