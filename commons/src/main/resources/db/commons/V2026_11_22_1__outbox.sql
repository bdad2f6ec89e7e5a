-- The transactional outbox every service shares: a row commits with the state change it announces,
-- and the relay marks it sent only after the broker confirms it.
CREATE TABLE outbox (
    id          UUID PRIMARY KEY,
    exchange    TEXT        NOT NULL,
    routing_key TEXT        NOT NULL,
    payload     TEXT        NOT NULL,
    traceparent TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    sent_at     TIMESTAMPTZ,
    attempts    INTEGER     NOT NULL DEFAULT 0,
    last_error  TEXT
);

CREATE INDEX outbox_unsent ON outbox (created_at) WHERE sent_at IS NULL;
