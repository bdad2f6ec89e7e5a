-- What placing a claim reads of each of its candidates (some 700 an article): their cluster and whether a reviewer
-- corrected them, from the index alone. A claim's row is wide (its sentence, figure and embedding: about 3 KB), so
-- reading those two columns through the primary key cost a heap page per candidate; with this index, once the
-- table is vacuumed, the read takes no heap page at all (1.2-2.3 ms instead of 6-13 ms for 674 candidates of 23,000
-- claims: docs/benchmarks.md).
CREATE INDEX claim_candidate ON claim (id) INCLUDE (cluster_id, corrected);
