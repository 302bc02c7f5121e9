-- Local accounts, sign-in and OAuth 2 (Mastodon's users, oauth_* and session tables, reshaped).

ALTER TABLE accounts
  ADD COLUMN locked        boolean NOT NULL DEFAULT false,
  ADD COLUMN bot           boolean NOT NULL DEFAULT false,
  ADD COLUMN discoverable  boolean,
  ADD COLUMN indexable     boolean NOT NULL DEFAULT false,
  ADD COLUMN hide_collections boolean NOT NULL DEFAULT false,
  ADD COLUMN note_html     text NOT NULL DEFAULT '',
  ADD COLUMN fields        jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN public_key_pem  text NOT NULL DEFAULT '',
  ADD COLUMN private_key_pem text,
  ADD COLUMN last_status_at timestamptz;

-- Roles: the three built-in ones and any an admin adds (the funding work adds supporter roles).
CREATE TABLE user_roles (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        text NOT NULL UNIQUE CHECK (name <> ''),
  color       text NOT NULL DEFAULT '',
  highlighted boolean NOT NULL DEFAULT false,
  permissions bigint NOT NULL DEFAULT 0,
  position    integer NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now()
);
-- Permission bits follow Mastodon's UserRole::FLAGS (administrator = 1, manage_users = 1 << 10 ...).
INSERT INTO user_roles (name, highlighted, permissions, position) VALUES
  ('user', false, 0, 0),
  ('moderator', true, 1024 | 2048 | 4096 | 8 | 16, 10),
  ('admin', true, 1, 100);

CREATE TABLE invites (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code       text NOT NULL UNIQUE,
  created_by bigint,
  max_uses   integer,
  uses       integer NOT NULL DEFAULT 0,
  expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id                 bigint PRIMARY KEY,
  account_id         bigint NOT NULL UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,
  email              text NOT NULL,
  password_hash      text NOT NULL,
  role_id            bigint NOT NULL REFERENCES user_roles (id),
  locale             text,
  confirmed_at       timestamptz,
  confirmation_token_hash text,
  confirmation_sent_at    timestamptz,
  unconfirmed_email  text,
  reset_password_token_hash text,
  reset_password_sent_at    timestamptz,
  approved           boolean NOT NULL DEFAULT true,
  sign_up_reason     text,
  sign_up_ip         inet,
  invite_id          bigint REFERENCES invites (id),
  disabled           boolean NOT NULL DEFAULT false,
  agreement          boolean NOT NULL DEFAULT false,
  default_privacy    text NOT NULL DEFAULT 'public',
  default_sensitive  boolean NOT NULL DEFAULT false,
  default_language   text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  last_sign_in_at    timestamptz
);
CREATE UNIQUE INDEX users_email ON users (lower(email));
CREATE INDEX users_sign_up_ip ON users (sign_up_ip, created_at);

-- Failed sign-in attempts, for throttling by address and by account across all processes.
CREATE TABLE failed_logins (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id    bigint REFERENCES users (id) ON DELETE CASCADE,
  ip         inet NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX failed_logins_ip ON failed_logins (ip, created_at);
CREATE INDEX failed_logins_user ON failed_logins (user_id, created_at);

-- Browser sessions (sign-in pages, OAuth consent, settings). Only a hash of the cookie is stored.
CREATE TABLE web_sessions (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash  text NOT NULL UNIQUE,
  user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  ip          inet,
  user_agent  text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE oauth_applications (
  id            bigint PRIMARY KEY,
  name          text NOT NULL CHECK (name <> ''),
  website       text,
  redirect_uris text[] NOT NULL,
  scopes        text NOT NULL,
  client_id     text NOT NULL UNIQUE,
  client_secret_hash text NOT NULL,
  owner_user_id bigint REFERENCES users (id) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Authorization codes: single use, ten minutes, bound to client, user, redirect URI and PKCE.
CREATE TABLE oauth_access_grants (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code_hash      text NOT NULL UNIQUE,
  application_id bigint NOT NULL REFERENCES oauth_applications (id) ON DELETE CASCADE,
  user_id        bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  redirect_uri   text NOT NULL,
  scopes         text NOT NULL,
  code_challenge text,
  code_challenge_method text,
  expires_at     timestamptz NOT NULL,
  used_at        timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE oauth_access_tokens (
  id             bigint PRIMARY KEY,
  token_hash     text NOT NULL UNIQUE,
  application_id bigint REFERENCES oauth_applications (id) ON DELETE CASCADE,
  user_id        bigint REFERENCES users (id) ON DELETE CASCADE,
  grant_id       bigint REFERENCES oauth_access_grants (id) ON DELETE SET NULL,
  scopes         text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  revoked_at     timestamptz,
  last_used_at   timestamptz
);
CREATE INDEX oauth_access_tokens_user ON oauth_access_tokens (user_id) WHERE revoked_at IS NULL;
