-- Placing an article reads the conflicts its claims are already part of, by claim: without these, each read
-- scanned every conflict stored.
CREATE INDEX conflict_claim_a ON conflict (claim_a);
CREATE INDEX conflict_claim_b ON conflict (claim_b);
