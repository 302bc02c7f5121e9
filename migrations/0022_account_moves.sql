-- Account migration (Move): a remote actor's alsoKnownAs (the accounts it says it also is, which
-- a Move's target must list for the origin) and, once an account has moved, where to.
ALTER TABLE accounts
  ADD COLUMN also_known_as jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN moved_to_account_id bigint REFERENCES accounts (id) ON DELETE SET NULL;
