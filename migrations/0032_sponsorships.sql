-- Sponsors, partnerships and sponsored events, the placements (community ads) they buy, and
-- the only record of how placements perform: aggregate impressions and clicks per placement
-- per day. By design no sponsor, placement or counter table has a column that could point at
-- a person (an account, an address, a cookie, a device):
-- tests/integration/sponsorship_privacy_test.cpp enumerates these tables' columns and fails
-- if one gains such a column.
CREATE TABLE sponsors (
  id          bigint PRIMARY KEY,
  kind        text NOT NULL DEFAULT 'sponsor' CHECK (kind IN ('sponsor', 'partnership', 'event')),
  name        text NOT NULL CHECK (name <> ''),
  url         text NOT NULL DEFAULT '',
  logo_key    text,
  tier        text NOT NULL DEFAULT '',
  price_band  text NOT NULL DEFAULT '',
  terms       text NOT NULL DEFAULT '',
  starts_on   date NOT NULL,
  ends_on     date,
  renewal     text NOT NULL DEFAULT 'none' CHECK (renewal IN ('none', 'monthly', 'yearly')),
  -- The community (a hashtag, lower case) the sponsorship came through; NULL: the instance.
  community   text,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);

-- Placements appear only on instance surfaces: the funding, sponsors and about pages,
-- announcements, and community (hashtag) pages. Never timelines, profiles, notifications or
-- federated posts: the surface list is closed by this CHECK.
CREATE TABLE sponsored_placements (
  id                   bigint PRIMARY KEY,
  sponsor_id           bigint NOT NULL REFERENCES sponsors (id) ON DELETE CASCADE,
  surface              text NOT NULL CHECK (surface IN ('funding', 'sponsors', 'about',
                         'announcements', 'community')),
  community            text,
  headline             text NOT NULL CHECK (headline <> ''),
  body                 text NOT NULL DEFAULT '',
  link_url             text NOT NULL,
  creative_key         text,
  creative_description text NOT NULL DEFAULT '',
  weight               integer NOT NULL DEFAULT 1 CHECK (weight >= 1 AND weight <= 100),
  starts_at            timestamptz NOT NULL,
  ends_at              timestamptz,
  created_by           text NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now(),
  CHECK ((surface = 'community') = (community IS NOT NULL)),
  CHECK (ends_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX sponsored_placements_surface ON sponsored_placements (surface, community);

-- Aggregates only: one row per placement per day (UTC), two counters.
CREATE TABLE sponsored_placement_days (
  placement_id bigint NOT NULL REFERENCES sponsored_placements (id) ON DELETE CASCADE,
  day          date NOT NULL,
  impressions  bigint NOT NULL DEFAULT 0,
  clicks       bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (placement_id, day)
);

-- Community curators: accounts an administrator lets manage one community's sponsors and
-- placements (the communities negotiate with brands themselves).
CREATE TABLE community_curators (
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  community  text NOT NULL CHECK (community <> ''),
  granted_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, community)
);
