-- One refusal for every append-only record (audit trails): attach it BEFORE UPDATE OR DELETE (per row) and
-- BEFORE TRUNCATE (per statement) to a table whose past must not change.
CREATE FUNCTION refuse_change_to_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
