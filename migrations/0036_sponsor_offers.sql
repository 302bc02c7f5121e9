-- Member-only offers from sponsors (a discount code, a free month): visible only to people
-- holding a membership of one of plan_ids (any paid or comped membership when it is empty).
-- The offer never learns who looked at it: nothing here names a person.
CREATE TABLE sponsor_offers (
  id          bigint PRIMARY KEY,
  sponsor_id  bigint NOT NULL REFERENCES sponsors (id) ON DELETE CASCADE,
  title       text NOT NULL CHECK (title <> ''),
  description text NOT NULL DEFAULT '',
  code        text NOT NULL DEFAULT '',
  plan_ids    bigint[] NOT NULL DEFAULT '{}',
  starts_at   timestamptz NOT NULL,
  ends_at     timestamptz,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX sponsor_offers_sponsor ON sponsor_offers (sponsor_id);
