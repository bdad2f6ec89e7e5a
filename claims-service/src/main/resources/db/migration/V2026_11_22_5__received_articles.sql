-- Every article revision announced by ingest-service, as claims-service extracts from it.
CREATE TABLE received_article (
    article_id   UUID        NOT NULL,
    revision     INTEGER     NOT NULL,
    title        TEXT        NOT NULL,
    outlet       TEXT        NOT NULL,
    url          TEXT,
    published_at TIMESTAMPTZ,
    language     TEXT        NOT NULL,
    clean_text   TEXT        NOT NULL,
    copy_of      UUID,
    traceparent  TEXT,
    received_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (article_id, revision)
);
