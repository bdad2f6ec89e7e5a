-- The signals that made each claim's check-worthiness, with their weights: [{"signal": "casualties", "weight": 0.25}, ...].
-- Claims extracted before have none recorded (null): their score stands without reasons until they are extracted again.
ALTER TABLE claim ADD COLUMN checkworthiness_reasons JSONB;
