-- Donation prompts: administrators' appeals, delivered as Mastodon announcements only to
-- accounts older than min_account_age_days that hold no paid or comped membership. A
-- dismissed prompt stays away for repeat_days (NULL: for good), and a person sees at most one
-- prompt at a time: the frequency cap.
CREATE TABLE donation_prompts (
  id                   bigint PRIMARY KEY,
  text                 text NOT NULL CHECK (text <> ''),
  content              text NOT NULL,
  starts_at            timestamptz NOT NULL,
  ends_at              timestamptz,
  min_account_age_days integer NOT NULL DEFAULT 30
                         CHECK (min_account_age_days >= 0 AND min_account_age_days <= 3650),
  repeat_days          integer CHECK (repeat_days IS NULL OR (repeat_days >= 1 AND repeat_days <= 365)),
  created_by           text NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at IS NULL OR ends_at > starts_at)
);

CREATE TABLE donation_prompt_dismissals (
  account_id   bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  prompt_id    bigint NOT NULL REFERENCES donation_prompts (id) ON DELETE CASCADE,
  dismissed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, prompt_id)
);

-- Dismissing a sponsored announcement hides sponsored announcements for a while. It is the
-- person's own preference, kept with their other settings and naming no placement, so nothing
-- records which ad anyone saw.
ALTER TABLE users ADD COLUMN sponsored_announcements_hidden_until timestamptz;
