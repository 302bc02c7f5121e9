-- The core of accounts and statuses that instance statistics count. Later migrations add the
-- columns each feature needs; every table is shaped for remote rows from the start
-- (domain IS NULL means local).
CREATE TABLE accounts (
  id             bigint PRIMARY KEY,
  username       text NOT NULL CHECK (username <> ''),
  domain         text,
  display_name   text NOT NULL DEFAULT '',
  note           text NOT NULL DEFAULT '',
  uri            text,
  url            text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  last_active_at timestamptz,
  suspended_at   timestamptz
);

CREATE UNIQUE INDEX accounts_username_domain
  ON accounts (lower(username), coalesce(lower(domain), ''));
CREATE UNIQUE INDEX accounts_uri ON accounts (uri) WHERE uri IS NOT NULL;

CREATE TABLE statuses (
  id         bigint PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  local      boolean NOT NULL,
  uri        text,
  url        text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);

CREATE INDEX statuses_account ON statuses (account_id, id DESC);
CREATE UNIQUE INDEX statuses_uri ON statuses (uri) WHERE uri IS NOT NULL;
