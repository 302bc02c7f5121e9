-- A remote account's follow request keeps the id of its Follow activity: authorizing or
-- rejecting it later answers with an Accept or Reject that names that Follow, as other servers
-- match the answer to their request by it.
ALTER TABLE follow_requests ADD COLUMN uri text;
