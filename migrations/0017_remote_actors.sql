-- Remote accounts as federation finds them: where to deliver to them and read from them, what
-- kind of actor they are, and when their actor document was last fetched. Their public key
-- goes in public_key_pem, their sanitised bio in note_html.
ALTER TABLE accounts
  ADD COLUMN inbox_url        text,
  ADD COLUMN shared_inbox_url text,
  ADD COLUMN outbox_url       text,
  ADD COLUMN followers_url    text,
  ADD COLUMN following_url    text,
  ADD COLUMN actor_type       text,
  ADD COLUMN fetched_at       timestamptz;
