-- Who did what, when and from where: logins, tokens, refused requests and admin actions.
-- Append-only: the triggers refuse every UPDATE, DELETE and TRUNCATE, whoever asks.
CREATE TABLE security_audit (
    id       BIGSERIAL   PRIMARY KEY,
    at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor    TEXT,
    action   TEXT        NOT NULL,
    target   TEXT,
    outcome  TEXT        NOT NULL,
    address  TEXT,
    detail   TEXT
);
CREATE INDEX security_audit_at ON security_audit (at);
CREATE INDEX security_audit_actor_at ON security_audit (actor, at);
CREATE INDEX security_audit_action_at ON security_audit (action, at);

CREATE FUNCTION security_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'security_audit is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER security_audit_no_change BEFORE UPDATE OR DELETE ON security_audit
    FOR EACH ROW EXECUTE FUNCTION security_audit_is_append_only();
CREATE TRIGGER security_audit_no_truncate BEFORE TRUNCATE ON security_audit
    FOR EACH STATEMENT EXECUTE FUNCTION security_audit_is_append_only();
