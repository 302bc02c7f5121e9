-- Indexes for the foreign keys and lookups the account moves and reports added: deleting an
-- account must not scan accounts or reports for rows pointing at it, and a Move reads who
-- mutes the old account.
CREATE INDEX accounts_moved_to ON accounts (moved_to_account_id)
  WHERE moved_to_account_id IS NOT NULL;
CREATE INDEX reports_account ON reports (account_id);
CREATE INDEX reports_action_taken_by ON reports (action_taken_by_account_id)
  WHERE action_taken_by_account_id IS NOT NULL;
CREATE INDEX mutes_target ON mutes (target_account_id);
