-- Each reviewer's open tasks, kept as the task table changes, so that routing reads one small row set instead of
-- counting every open task of every eligible reviewer under its lock (3.4 ms a task with eight reviewers holding
-- 1,000 tasks each: docs/benchmarks.md). Rows are changes, +1 or -1 (or a sum of them), never updated in place: a
-- verdict, a cancellation and an assignment each add a row and take no lock another transaction could wait on, so
-- no new deadlock is possible. Routing folds the rows into one sum per reviewer now and then, under its own lock.
CREATE TABLE reviewer_load (
    username    TEXT    NOT NULL,
    open_tasks  INTEGER NOT NULL
);

CREATE FUNCTION task_open_for_reviewer() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was TEXT := CASE WHEN TG_OP <> 'INSERT' AND OLD.stage <> 'DONE' THEN OLD.assignee END;
    now_held TEXT := CASE WHEN TG_OP <> 'DELETE' AND NEW.stage <> 'DONE' THEN NEW.assignee END;
BEGIN
    IF was IS NOT DISTINCT FROM now_held THEN
        RETURN NULL;
    END IF;
    IF was IS NOT NULL THEN
        INSERT INTO reviewer_load (username, open_tasks) VALUES (was, -1);
    END IF;
    IF now_held IS NOT NULL THEN
        INSERT INTO reviewer_load (username, open_tasks) VALUES (now_held, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER task_reviewer_load AFTER INSERT OR DELETE OR UPDATE OF assignee, stage ON task
    FOR EACH ROW EXECUTE FUNCTION task_open_for_reviewer();

INSERT INTO reviewer_load (username, open_tasks)
    SELECT assignee, count(*) FROM task WHERE assignee IS NOT NULL AND stage <> 'DONE' GROUP BY assignee;
