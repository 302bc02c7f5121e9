-- Sign-in throttling counts by what was typed (so answers never reveal whether an account
-- exists), and the lookups that run on every request or link get their indexes.
ALTER TABLE failed_logins ADD COLUMN login_key text NOT NULL DEFAULT '';
CREATE INDEX failed_logins_login_key ON failed_logins (login_key, created_at);

CREATE INDEX users_confirmation_token ON users (confirmation_token_hash)
  WHERE confirmation_token_hash IS NOT NULL;
CREATE INDEX users_reset_token ON users (reset_password_token_hash)
  WHERE reset_password_token_hash IS NOT NULL;
CREATE INDEX web_sessions_user ON web_sessions (user_id);
CREATE INDEX oauth_access_grants_user ON oauth_access_grants (user_id);
CREATE INDEX oauth_access_grants_application ON oauth_access_grants (application_id);
CREATE INDEX oauth_access_tokens_grant ON oauth_access_tokens (grant_id);
CREATE INDEX oauth_access_tokens_application ON oauth_access_tokens (application_id);
