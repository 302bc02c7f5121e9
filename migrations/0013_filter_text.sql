-- The text filters match against: the content warning, then the content with its markup
-- removed and the entities our renderer writes decoded, then the poll options (Mastodon's
-- searchable_text). STABLE, not IMMUTABLE: it reads the polls table.
CREATE FUNCTION status_filter_text(status_id bigint, spoiler_text text, content text)
RETURNS text LANGUAGE sql STABLE AS $$
  SELECT spoiler_text || E'\n\n' ||
         replace(replace(replace(replace(replace(
           regexp_replace(content, '<[^>]*>', ' ', 'g'),
           '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&') ||
         coalesce((SELECT E'\n\n' || array_to_string(p.options, E'\n')
                     FROM polls p WHERE p.status_id = status_filter_text.status_id), '')
$$;
