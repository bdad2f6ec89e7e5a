-- What review-service told about each cluster: its task's state and its verdict, each applied in order
-- (task versions, verdict feed sequence), so a late older message never overwrites a newer one.
ALTER TABLE claim_cluster ADD COLUMN verdict_sequence BIGINT;
ALTER TABLE claim_cluster ADD COLUMN task_id UUID;
ALTER TABLE claim_cluster ADD COLUMN task_status TEXT;
ALTER TABLE claim_cluster ADD COLUMN task_version BIGINT;

-- A claim whose cluster has a verdict stays a clustering candidate however old it is: a new claim matching it
-- joins the cluster and shows the verdict at once.
ALTER TABLE claim_key ADD COLUMN decided BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX claim_key_decided ON claim_key (key, created_at) WHERE decided;
