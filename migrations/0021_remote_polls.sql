-- Polls of remote statuses keep the counts their server publishes (Question: each option's
-- replies.totalItems, votersCount), refreshed by its Update activities; local polls count rows.
ALTER TABLE polls
  ADD COLUMN remote_counts bigint[],
  ADD COLUMN remote_voters bigint;
