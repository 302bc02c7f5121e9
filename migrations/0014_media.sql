-- Media attachments: uploaded, processed by a job, attached to at most one status.
CREATE TABLE media_attachments (
  id           bigint PRIMARY KEY,
  account_id   bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  status_id    bigint REFERENCES statuses (id) ON DELETE SET NULL,
  kind         smallint NOT NULL,            -- 0 image, 1 gifv, 2 video, 3 audio
  state        smallint NOT NULL DEFAULT 0,  -- 0 processing, 1 ready, 2 failed
  content_type text NOT NULL,                -- of the stored original, from its bytes
  upload_key   text,                         -- the bytes as uploaded, until processed
  file_key     text,
  small_key    text,
  file_size    bigint NOT NULL DEFAULT 0,
  description  text NOT NULL DEFAULT '',
  focus_x      real NOT NULL DEFAULT 0,
  focus_y      real NOT NULL DEFAULT 0,
  meta         jsonb NOT NULL DEFAULT '{}',
  blurhash     text,
  remote_url   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX media_attachments_status ON media_attachments (status_id, id)
  WHERE status_id IS NOT NULL;
-- Unattached uploads are cleaned up after a day.
CREATE INDEX media_attachments_unattached ON media_attachments (created_at)
  WHERE status_id IS NULL;
