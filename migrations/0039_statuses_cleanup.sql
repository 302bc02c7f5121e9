-- Automatic deletion of one's old posts, a privacy tool of membership plans (`privacy_tools`),
-- with the options of Mastodon's own "automated post deletion": an age, and which posts to
-- keep whatever their age. The hourly maintenance job deletes what a policy selects, each
-- deletion federated as the author's own would be. A policy switched on while entitled stays
-- on after the membership ends, until its owner switches it off.
CREATE TABLE statuses_cleanup_policies (
  account_id         bigint PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  enabled            boolean NOT NULL DEFAULT false,
  min_status_age_days integer NOT NULL DEFAULT 14 CHECK (min_status_age_days BETWEEN 7 AND 3650),
  keep_direct        boolean NOT NULL DEFAULT true,
  keep_pinned        boolean NOT NULL DEFAULT true,
  keep_polls         boolean NOT NULL DEFAULT false,
  keep_media         boolean NOT NULL DEFAULT false,
  keep_self_fav      boolean NOT NULL DEFAULT true,
  keep_self_bookmark boolean NOT NULL DEFAULT true,
  min_favs           integer CHECK (min_favs > 0),
  min_reblogs        integer CHECK (min_reblogs > 0),
  last_run_at        timestamptz,
  updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX statuses_cleanup_policies_due ON statuses_cleanup_policies (last_run_at NULLS FIRST)
  WHERE enabled;
