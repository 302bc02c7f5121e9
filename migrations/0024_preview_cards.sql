-- Link preview cards (Mastodon's PreviewCard): what the first link of a status shows about
-- itself, fetched once per link through the guarded client and shared by every status that
-- links it; refreshed when older than two weeks. link_url is the link as written in statuses,
-- url the page's own (og:url). The image is copied into our media store (image_key).
CREATE TABLE preview_cards (
  id                bigint PRIMARY KEY,
  link_url          text NOT NULL UNIQUE,
  url               text NOT NULL,
  title             text NOT NULL,
  description       text NOT NULL DEFAULT '',
  type              text NOT NULL DEFAULT 'link' CHECK (type IN ('link', 'photo', 'video', 'rich')),
  author_name       text NOT NULL DEFAULT '',
  author_url        text NOT NULL DEFAULT '',
  provider_name     text NOT NULL DEFAULT '',
  provider_url      text NOT NULL DEFAULT '',
  html              text NOT NULL DEFAULT '',
  width             integer NOT NULL DEFAULT 0,
  height            integer NOT NULL DEFAULT 0,
  image_key         text,
  image_width       integer,
  image_height      integer,
  image_description text NOT NULL DEFAULT '',
  blurhash          text,
  embed_url         text NOT NULL DEFAULT '',
  language          text,
  published_at      text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE status_preview_cards (
  status_id       bigint PRIMARY KEY REFERENCES statuses (id) ON DELETE CASCADE,
  preview_card_id bigint NOT NULL REFERENCES preview_cards (id) ON DELETE CASCADE
);
CREATE INDEX status_preview_cards_card ON status_preview_cards (preview_card_id);
