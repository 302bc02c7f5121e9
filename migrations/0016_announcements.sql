-- Announcements from the instance's staff, as Mastodon's: shown to every signed-in user by the
-- apps (GET /api/v1/announcements), published at once or at scheduled_at, dismissible, with
-- emoji reactions. Instance funding's donation prompts are announcements too.
CREATE TABLE announcements (
  id           bigint PRIMARY KEY,
  text         text NOT NULL,
  content      text NOT NULL,           -- rendered HTML
  tags         text[] NOT NULL DEFAULT '{}',
  starts_at    timestamptz,             -- the period the announcement is about, if any
  ends_at      timestamptz,
  all_day      boolean NOT NULL DEFAULT false,
  scheduled_at timestamptz,             -- published then; NULL: at once
  published_at timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX announcements_published ON announcements (published_at) WHERE published_at IS NOT NULL;

CREATE TABLE announcement_dismissals (
  announcement_id bigint NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
  account_id      bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  PRIMARY KEY (account_id, announcement_id)
);

CREATE TABLE announcement_reactions (
  announcement_id bigint NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
  account_id      bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  name            text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (announcement_id, account_id, name)
);
