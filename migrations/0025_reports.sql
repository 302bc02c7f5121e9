-- Reports (the moderation queue): a local person's report through the client API, or a Flag
-- another server sent about accounts here. account_id is who reported (for a Flag, the remote
-- actor that sent it, often that server's instance actor); uri is the Flag's id, inbound or
-- outbound (a forwarded report), so a Flag delivered twice is kept once.
CREATE TABLE reports (
  id                         bigint PRIMARY KEY,
  account_id                 bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id          bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  status_ids                 bigint[] NOT NULL DEFAULT '{}',
  comment                    text NOT NULL DEFAULT '',
  category                   text NOT NULL DEFAULT 'other'
                             CHECK (category IN ('spam', 'legal', 'violation', 'other')),
  forwarded                  boolean NOT NULL DEFAULT false,
  uri                        text,
  action_taken_at            timestamptz,
  action_taken_by_account_id bigint REFERENCES accounts (id) ON DELETE SET NULL,
  created_at                 timestamptz NOT NULL DEFAULT now(),
  updated_at                 timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reports_unresolved ON reports (id DESC) WHERE action_taken_at IS NULL;
CREATE INDEX reports_target ON reports (target_account_id);
-- One Flag may name several accounts here: one report each.
CREATE UNIQUE INDEX reports_uri ON reports (uri, target_account_id);
