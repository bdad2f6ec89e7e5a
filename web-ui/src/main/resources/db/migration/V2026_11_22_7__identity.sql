-- Accounts of reviewers, editors, admins and ingest clients; API tokens for scripts; browser sessions.
CREATE TABLE account (
    id                  UUID        PRIMARY KEY,
    username            TEXT        NOT NULL UNIQUE,
    display_name        TEXT        NOT NULL,
    password_hash       TEXT        NOT NULL,
    roles               TEXT        NOT NULL,
    enabled             BOOLEAN     NOT NULL DEFAULT TRUE,
    failed_logins       INT         NOT NULL DEFAULT 0,
    locked_until        TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    password_changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Only a SHA-256 of each token is kept: the secret is shown once, at creation.
CREATE TABLE api_token (
    id           UUID        PRIMARY KEY,
    name         TEXT        NOT NULL,
    token_hash   BYTEA       NOT NULL UNIQUE,
    hint         TEXT        NOT NULL,
    roles        TEXT        NOT NULL,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    revoked_by   TEXT
);

-- Server-side sessions: the cookie holds a random id, the table its SHA-256.
CREATE TABLE web_session (
    id           UUID        PRIMARY KEY,
    token_hash   BYTEA       NOT NULL UNIQUE,
    account_id   UUID        NOT NULL REFERENCES account (id),
    csrf_token   TEXT        NOT NULL,
    address      TEXT,
    user_agent   TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ended_at     TIMESTAMPTZ,
    end_reason   TEXT
);
CREATE INDEX web_session_account ON web_session (account_id) WHERE ended_at IS NULL;
