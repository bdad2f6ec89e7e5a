-- The claim a task leads with is decided here, when the task is made or its cluster changes, and kept while it stays
-- in the cluster; the desk shows it, a reviewer's rating names it, and the verdict publishes it.
ALTER TABLE task ADD COLUMN lead_claim_id UUID;
UPDATE task t SET lead_claim_id = (
    SELECT c.claim_id FROM cluster_claim c WHERE c.cluster_id = t.cluster_id
    ORDER BY c.checkworthiness DESC, c.start_offset, c.article_id, c.claim_id LIMIT 1);

-- The claim each rating was given on.
ALTER TABLE review ADD COLUMN claim_id UUID;
UPDATE review r SET claim_id = (SELECT t.lead_claim_id FROM task t WHERE t.id = r.task_id);

-- The claim a verdict rates (null for verdicts published before it was recorded).
ALTER TABLE verdict ADD COLUMN claim_reviewed_id UUID;
