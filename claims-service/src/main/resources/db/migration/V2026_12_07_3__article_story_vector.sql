-- What an article is about as a whole: the mean of its claims' sentence embeddings, normalised. Clustering compares
-- two articles' vectors to tell one story retold from two stories. Articles received before have none (null): their
-- claims cluster as before, on the claims alone.
ALTER TABLE received_article ADD COLUMN story_vector REAL[];
