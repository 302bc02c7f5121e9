-- Hints that let status views skip the lookups most statuses never need (as has_emojis and
-- has_card do since 0026): mentions, hashtags, a poll and media attachments. Measured on the
-- timeline benchmark, the four lookups were a third of a signed-in home page's database time
-- although most statuses have none of them.
--
-- A hint means "may have": triggers set it whenever such a row is written for a status, by any
-- writer (posting, editing, federation, imports), and nothing clears it, so a stale hint only
-- costs the lookup it would have saved and a missing one cannot happen.
ALTER TABLE statuses
  ADD COLUMN has_mentions boolean NOT NULL DEFAULT false,
  ADD COLUMN has_tags     boolean NOT NULL DEFAULT false,
  ADD COLUMN has_poll     boolean NOT NULL DEFAULT false,
  ADD COLUMN has_media    boolean NOT NULL DEFAULT false;

UPDATE statuses s SET
  has_mentions = EXISTS (SELECT 1 FROM mentions m WHERE m.status_id = s.id),
  has_tags = EXISTS (SELECT 1 FROM statuses_tags st WHERE st.status_id = s.id),
  has_poll = EXISTS (SELECT 1 FROM polls p WHERE p.status_id = s.id),
  has_media = EXISTS (SELECT 1 FROM media_attachments md WHERE md.status_id = s.id)
WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.status_id = s.id)
   OR EXISTS (SELECT 1 FROM statuses_tags st WHERE st.status_id = s.id)
   OR EXISTS (SELECT 1 FROM polls p WHERE p.status_id = s.id)
   OR EXISTS (SELECT 1 FROM media_attachments md WHERE md.status_id = s.id);

CREATE FUNCTION statuses_hint_mentions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE statuses SET has_mentions = true WHERE id = NEW.status_id AND NOT has_mentions;
  RETURN NULL;
END $$;
CREATE TRIGGER mentions_hint AFTER INSERT ON mentions
  FOR EACH ROW EXECUTE FUNCTION statuses_hint_mentions();

CREATE FUNCTION statuses_hint_tags() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE statuses SET has_tags = true WHERE id = NEW.status_id AND NOT has_tags;
  RETURN NULL;
END $$;
CREATE TRIGGER statuses_tags_hint AFTER INSERT ON statuses_tags
  FOR EACH ROW EXECUTE FUNCTION statuses_hint_tags();

CREATE FUNCTION statuses_hint_poll() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE statuses SET has_poll = true WHERE id = NEW.status_id AND NOT has_poll;
  RETURN NULL;
END $$;
CREATE TRIGGER polls_hint AFTER INSERT OR UPDATE OF status_id ON polls
  FOR EACH ROW EXECUTE FUNCTION statuses_hint_poll();

-- Media is uploaded before its status exists and attached later by setting status_id.
CREATE FUNCTION statuses_hint_media() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status_id IS NOT NULL THEN
    UPDATE statuses SET has_media = true WHERE id = NEW.status_id AND NOT has_media;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER media_attachments_hint AFTER INSERT OR UPDATE OF status_id ON media_attachments
  FOR EACH ROW EXECUTE FUNCTION statuses_hint_media();
