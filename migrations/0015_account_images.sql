-- Avatars and headers: keys of processed images in the media store (NULL: the default image).
ALTER TABLE accounts
  ADD COLUMN avatar_key text,
  ADD COLUMN header_key text;
