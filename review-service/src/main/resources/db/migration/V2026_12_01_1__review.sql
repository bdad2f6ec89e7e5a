-- Reviewers: web-ui users with role reviewer, as the desk knows them. Load is counted from their open tasks;
-- last_assigned_at breaks ties between equally loaded reviewers, longest waiting first.
CREATE TABLE reviewer (
    id                UUID        PRIMARY KEY,
    username          TEXT        NOT NULL UNIQUE,
    display_name      TEXT        NOT NULL,
    skills            TEXT[]      NOT NULL,
    languages         TEXT[]      NOT NULL,
    capacity          INTEGER     NOT NULL CHECK (capacity >= 0),
    active            BOOLEAN     NOT NULL,
    senior            BOOLEAN     NOT NULL DEFAULT false,
    last_assigned_at  TIMESTAMPTZ,
    version           BIGINT      NOT NULL
);

-- The articles claims-service announced claims of, latest revision: where a claim appeared, for reports and
-- ClaimReview's appearances.
CREATE TABLE article (
    id            UUID        PRIMARY KEY,
    revision      INTEGER     NOT NULL,
    outlet        TEXT,
    url           TEXT,
    published_at  TIMESTAMPTZ,
    copy_of       UUID
);

-- The claims as claims-service last announced them, one row per claim of each article's latest revision:
-- what tasks are made of, and what reports list.
CREATE TABLE cluster_claim (
    claim_id          UUID        PRIMARY KEY,
    article_id        UUID        NOT NULL,
    revision          INTEGER     NOT NULL,
    cluster_id        UUID        NOT NULL,
    type              TEXT        NOT NULL,
    text              TEXT        NOT NULL,
    start_offset      INTEGER     NOT NULL,
    checkworthiness   DOUBLE PRECISION NOT NULL,
    casualties        BOOLEAN     NOT NULL,
    conflicted        BOOLEAN     NOT NULL,
    language          TEXT,
    speaker           TEXT,
    -- the article it was first told in: a copy counts once among a cluster's independent sources
    source            UUID        NOT NULL
);
CREATE INDEX cluster_claim_cluster ON cluster_claim (cluster_id);
CREATE INDEX cluster_claim_article ON cluster_claim (article_id);

-- Clusters merged by claims-service point at the one that took their claims, so late events still find it.
CREATE TABLE merged_cluster (
    id    UUID PRIMARY KEY,
    into_cluster UUID NOT NULL
);

-- One task per cluster. assignee NULL and stage not DONE: waiting in the desk queue.
CREATE TABLE task (
    id               UUID        PRIMARY KEY,
    cluster_id       UUID        NOT NULL UNIQUE,
    stage            TEXT        NOT NULL,
    status           TEXT        NOT NULL,
    assignee         TEXT,
    first_reviewer   TEXT,
    second_reviewer  TEXT,
    priority         DOUBLE PRECISION NOT NULL,
    due_at           TIMESTAMPTZ NOT NULL,
    skill            TEXT        NOT NULL,
    language         TEXT,
    overdue_handled  BOOLEAN     NOT NULL DEFAULT false,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    version          BIGINT      NOT NULL
);
CREATE INDEX task_waiting ON task (priority DESC, due_at) WHERE assignee IS NULL AND stage <> 'DONE';
CREATE INDEX task_assignee ON task (assignee) WHERE stage <> 'DONE';
CREATE INDEX task_due ON task (due_at) WHERE stage <> 'DONE';

-- What each reviewer rated at each stage of a task; a blind second review reads none of it before submitting.
CREATE TABLE review (
    id            UUID        PRIMARY KEY,
    task_id       UUID        NOT NULL REFERENCES task (id),
    stage         TEXT        NOT NULL,
    reviewer      TEXT        NOT NULL,
    rating        TEXT        NOT NULL,
    explanation   TEXT        NOT NULL,
    sources       JSONB       NOT NULL,
    submitted_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (task_id, stage)
);
CREATE INDEX review_reviewer ON review (reviewer);

-- Published verdicts, one row per version. sequence orders the editors' feed: it is taken under a lock held
-- to commit, so the feed's order is commit order and a cursor never skips a version committed late.
CREATE TABLE verdict (
    id              UUID        NOT NULL,
    version         INTEGER     NOT NULL,
    sequence        BIGINT      NOT NULL UNIQUE,
    cluster_id      UUID        NOT NULL,
    task_id         UUID        NOT NULL,
    claim_ids       UUID[]      NOT NULL,
    claim_reviewed  TEXT        NOT NULL,
    rating          TEXT        NOT NULL,
    explanation     TEXT        NOT NULL,
    sources         JSONB       NOT NULL,
    reviewers       TEXT[]      NOT NULL,
    published_at    TIMESTAMPTZ NOT NULL,
    correction_of   INTEGER,
    reason          TEXT,
    PRIMARY KEY (id, version)
);
CREATE INDEX verdict_cluster ON verdict (cluster_id);
CREATE TRIGGER verdict_no_change BEFORE UPDATE OR DELETE ON verdict
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER verdict_no_truncate BEFORE TRUNCATE ON verdict
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();

-- Every assignment, reassignment, escalation, review, verdict and correction: who, when, what before and after.
CREATE TABLE audit_entry (
    id        BIGSERIAL   PRIMARY KEY,
    at        TIMESTAMPTZ NOT NULL,
    actor     TEXT        NOT NULL,
    action    TEXT        NOT NULL,
    task_id   UUID,
    reviewer  TEXT,
    before    JSONB,
    after     JSONB
);
CREATE INDEX audit_entry_task ON audit_entry (task_id, at);
CREATE INDEX audit_entry_actor ON audit_entry (actor, at);
CREATE INDEX audit_entry_reviewer ON audit_entry (reviewer, at);
CREATE INDEX audit_entry_at ON audit_entry (at);
CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
