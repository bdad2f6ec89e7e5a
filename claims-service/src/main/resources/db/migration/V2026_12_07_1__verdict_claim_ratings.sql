-- A verdict rates claims whose figures disagree with the claim reviewed on their own: {claimId: rating}. The other
-- claims of the cluster show verdict_rating.
ALTER TABLE claim_cluster ADD COLUMN verdict_claim_ratings JSONB NOT NULL DEFAULT '{}';
