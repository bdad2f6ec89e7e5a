-- The one-time key of the form that created a token: the same form sent again (a reload) creates no second token.
ALTER TABLE api_token ADD COLUMN form_key TEXT UNIQUE;
