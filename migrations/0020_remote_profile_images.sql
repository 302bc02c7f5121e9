-- Where a remote account's avatar and header live; copies are fetched into the media store
-- (avatar_key, header_key) by jobs, so readers never load them from the other server.
ALTER TABLE accounts
  ADD COLUMN avatar_remote_url text,
  ADD COLUMN header_remote_url text;
