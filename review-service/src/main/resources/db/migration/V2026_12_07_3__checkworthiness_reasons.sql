-- Why each claim ranks where it does, as claims-service announced it: [{"signal": "casualties", "weight": 0.25}, ...].
ALTER TABLE cluster_claim ADD COLUMN checkworthiness_reasons JSONB;
