-- The conflict check reads the figures of the clusters an article's figures joined (Conflicts.figures). With a few
-- dozen clusters the planner ANDed claim_by_cluster with claim_type_status, reading the index entry of every figure
-- ever stored, once per article; this index holds only figures, by cluster, and is the one it takes.
CREATE INDEX claim_figures ON claim (cluster_id) WHERE type = 'STATISTIC' AND q_value IS NOT NULL;
