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

-- One trigger function for all four: TG_ARGV[0] names the hint column the row's status gets.
-- Media is uploaded before its status exists and attached later by setting status_id, hence
-- the NULL check and the UPDATE OF triggers.
CREATE FUNCTION statuses_set_hint() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status_id IS NOT NULL THEN
    EXECUTE format('UPDATE statuses SET %1$I = true WHERE id = $1 AND NOT %1$I', TG_ARGV[0])
      USING NEW.status_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER mentions_hint AFTER INSERT ON mentions
  FOR EACH ROW EXECUTE FUNCTION statuses_set_hint('has_mentions');
CREATE TRIGGER statuses_tags_hint AFTER INSERT ON statuses_tags
  FOR EACH ROW EXECUTE FUNCTION statuses_set_hint('has_tags');
CREATE TRIGGER polls_hint AFTER INSERT OR UPDATE OF status_id ON polls
  FOR EACH ROW EXECUTE FUNCTION statuses_set_hint('has_poll');
CREATE TRIGGER media_attachments_hint AFTER INSERT OR UPDATE OF status_id ON media_attachments
  FOR EACH ROW EXECUTE FUNCTION statuses_set_hint('has_media');
