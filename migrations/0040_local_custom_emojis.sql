-- This server's own custom emoji (domain NULL): added by administrators, or by members whose
-- plan gives them custom emoji slots (`custom_emoji_slots`), each counted against the member
-- who added it. A member's emoji goes with their account.
ALTER TABLE custom_emojis
  ADD COLUMN account_id bigint REFERENCES accounts (id) ON DELETE CASCADE;
CREATE INDEX custom_emojis_account ON custom_emojis (account_id) WHERE account_id IS NOT NULL;
