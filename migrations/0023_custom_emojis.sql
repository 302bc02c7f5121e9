-- Custom emoji. Remote ones are recorded from the Emoji tags of the statuses and profiles that
-- use them (one row per shortcode and server), their image copied into our media store by a
-- job: image_key is the image as published, static_key a still of it. Until the copy exists
-- an emoji is not shown (its `:shortcode:` stays plain text), as Mastodon does.
CREATE TABLE custom_emojis (
  id                bigint PRIMARY KEY,
  shortcode         text NOT NULL CHECK (shortcode ~ '^[A-Za-z0-9_]{2,100}$'),
  domain            text,  -- NULL: ours
  uri               text,
  image_remote_url  text,
  image_updated     text NOT NULL DEFAULT '',
  image_key         text,
  static_key        text,
  visible_in_picker boolean NOT NULL DEFAULT true,
  category          text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX custom_emojis_shortcode_domain
  ON custom_emojis (shortcode, (coalesce(domain, '')));

-- Which emoji a status or a profile uses (replaced on each edit or profile update).
CREATE TABLE status_custom_emojis (
  status_id       bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  custom_emoji_id bigint NOT NULL REFERENCES custom_emojis (id) ON DELETE CASCADE,
  PRIMARY KEY (status_id, custom_emoji_id)
);
CREATE TABLE account_custom_emojis (
  account_id      bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  custom_emoji_id bigint NOT NULL REFERENCES custom_emojis (id) ON DELETE CASCADE,
  PRIMARY KEY (account_id, custom_emoji_id)
);
CREATE INDEX status_custom_emojis_emoji ON status_custom_emojis (custom_emoji_id);
CREATE INDEX account_custom_emojis_emoji ON account_custom_emojis (custom_emoji_id);
