-- The claims whose figures each claim conflicts with, as claims-service announced them: a claim announced before a
-- conflict arose does not list it, the claim announced with it does, so the relation is read both ways.
ALTER TABLE cluster_claim ADD COLUMN conflicts_with UUID[] NOT NULL DEFAULT '{}';

-- Where a cluster's figures disagree, a rating rates each claim whose figure disagrees with the lead's on its own:
-- [{"claimId", "rating"}], the lead and the claims agreeing with it taking the rating itself.
ALTER TABLE review ADD COLUMN claim_ratings JSONB NOT NULL DEFAULT '[]';
ALTER TABLE verdict ADD COLUMN claim_ratings JSONB NOT NULL DEFAULT '[]';
