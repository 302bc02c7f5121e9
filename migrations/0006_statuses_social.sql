-- Posting, the social graph, timelines and notifications. Every table works for remote rows
-- too: accounts have a domain, statuses a uri, and nothing assumes the author is local.

ALTER TABLE statuses
  ADD COLUMN text text NOT NULL DEFAULT '',           -- source as written (local statuses)
  ADD COLUMN spoiler_text text NOT NULL DEFAULT '',
  ADD COLUMN content text NOT NULL DEFAULT '',        -- rendered, safe HTML
  ADD COLUMN visibility smallint NOT NULL DEFAULT 0,  -- 0 public, 1 unlisted, 2 private, 3 direct
  ADD COLUMN sensitive boolean NOT NULL DEFAULT false,
  ADD COLUMN language text,
  ADD COLUMN in_reply_to_id bigint REFERENCES statuses (id) ON DELETE SET NULL,
  ADD COLUMN in_reply_to_account_id bigint REFERENCES accounts (id) ON DELETE SET NULL,
  ADD COLUMN reblog_of_id bigint REFERENCES statuses (id) ON DELETE CASCADE,
  ADD COLUMN conversation_id bigint,
  ADD COLUMN application_id bigint REFERENCES oauth_applications (id) ON DELETE SET NULL,
  ADD COLUMN edited_at timestamptz,
  ADD COLUMN replies_count integer NOT NULL DEFAULT 0,
  ADD COLUMN reblogs_count integer NOT NULL DEFAULT 0,
  ADD COLUMN favourites_count integer NOT NULL DEFAULT 0;

CREATE INDEX statuses_public_local ON statuses (id DESC)
  WHERE visibility = 0 AND reblog_of_id IS NULL AND deleted_at IS NULL AND local;
CREATE INDEX statuses_public_all ON statuses (id DESC)
  WHERE visibility = 0 AND reblog_of_id IS NULL AND deleted_at IS NULL;
CREATE INDEX statuses_in_reply_to ON statuses (in_reply_to_id) WHERE in_reply_to_id IS NOT NULL;
CREATE INDEX statuses_reblog_of ON statuses (reblog_of_id, account_id) WHERE reblog_of_id IS NOT NULL;

CREATE TABLE follows (
  id                bigint PRIMARY KEY,
  account_id        bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  show_reblogs      boolean NOT NULL DEFAULT true,
  notify            boolean NOT NULL DEFAULT false,
  languages         text[],
  created_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, target_account_id)
);
CREATE INDEX follows_target ON follows (target_account_id, id DESC);
CREATE INDEX follows_account ON follows (account_id, id DESC);

CREATE TABLE follow_requests (
  id                bigint PRIMARY KEY,
  account_id        bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  show_reblogs      boolean NOT NULL DEFAULT true,
  notify            boolean NOT NULL DEFAULT false,
  languages         text[],
  created_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, target_account_id)
);
CREATE INDEX follow_requests_target ON follow_requests (target_account_id, id DESC);

CREATE TABLE blocks (
  id                bigint PRIMARY KEY,
  account_id        bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, target_account_id)
);
CREATE INDEX blocks_target ON blocks (target_account_id);

CREATE TABLE mutes (
  id                 bigint PRIMARY KEY,
  account_id         bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  hide_notifications boolean NOT NULL DEFAULT true,
  expires_at         timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, target_account_id)
);

CREATE TABLE mentions (
  status_id  bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  PRIMARY KEY (status_id, account_id)
);
CREATE INDEX mentions_account ON mentions (account_id, status_id DESC);

CREATE TABLE tags (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name       text NOT NULL UNIQUE,  -- lowercase
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE statuses_tags (
  tag_id    bigint NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  status_id bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  PRIMARY KEY (tag_id, status_id)
);
CREATE INDEX statuses_tags_status ON statuses_tags (status_id);

CREATE TABLE favourites (
  id         bigint PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  status_id  bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, status_id)
);
CREATE INDEX favourites_status ON favourites (status_id, id DESC);
CREATE INDEX favourites_account ON favourites (account_id, id DESC);

CREATE TABLE bookmarks (
  id         bigint PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  status_id  bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, status_id)
);
CREATE INDEX bookmarks_account ON bookmarks (account_id, id DESC);

CREATE TABLE status_pins (
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  status_id  bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, status_id)
);

CREATE TABLE status_edits (
  id           bigint PRIMARY KEY,
  status_id    bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  text         text NOT NULL,
  spoiler_text text NOT NULL,
  content      text NOT NULL,
  sensitive    boolean NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX status_edits_status ON status_edits (status_id, id);

CREATE TABLE conversation_mutes (
  account_id      bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  conversation_id bigint NOT NULL,
  PRIMARY KEY (account_id, conversation_id)
);

-- The home timeline, written by the fan-out job when a status is created (fan-out on write):
-- reading a page is one index range scan whatever the size of the statuses table.
CREATE TABLE home_feed (
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  status_id  bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  PRIMARY KEY (account_id, status_id)
);

CREATE TABLE notifications (
  id              bigint PRIMARY KEY,
  account_id      bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  from_account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  type            text NOT NULL,
  status_id       bigint REFERENCES statuses (id) ON DELETE CASCADE,
  created_at      timestamptz NOT NULL DEFAULT now()
);
-- Jobs run at least once: the same event never notifies twice.
CREATE UNIQUE INDEX notifications_once
  ON notifications (account_id, type, from_account_id, coalesce(status_id, 0));
CREATE INDEX notifications_account ON notifications (account_id, id DESC);

CREATE TABLE markers (
  account_id   bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  timeline     text NOT NULL,
  last_read_id bigint NOT NULL,
  version      integer NOT NULL DEFAULT 0,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, timeline)
);

-- Idempotency-Key on POST /api/v1/statuses: the same key within an hour returns the same status.
CREATE TABLE status_idempotency (
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  key        text NOT NULL,
  status_id  bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, key)
);
