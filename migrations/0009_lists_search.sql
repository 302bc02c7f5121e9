CREATE TABLE lists (
  id             bigint PRIMARY KEY,
  account_id     bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  title          text NOT NULL CHECK (title <> ''),
  replies_policy text NOT NULL DEFAULT 'list',
  exclusive      boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lists_account ON lists (account_id, id);

CREATE TABLE list_accounts (
  list_id    bigint NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  PRIMARY KEY (list_id, account_id)
);
CREATE INDEX list_accounts_account ON list_accounts (account_id);

-- Full-text search over status text ('simple' configuration: no language guessing).
CREATE INDEX statuses_text_search ON statuses USING gin (to_tsvector('simple', text))
  WHERE deleted_at IS NULL AND reblog_of_id IS NULL;
CREATE INDEX accounts_username_search ON accounts (lower(username) text_pattern_ops);
CREATE INDEX tags_name_search ON tags (name text_pattern_ops);
