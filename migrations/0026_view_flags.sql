-- Flags that let timeline pages skip looking for what most rows do not have: custom emoji
-- (statuses and accounts) and a link preview card (statuses). Set where the links are written.
ALTER TABLE statuses
  ADD COLUMN has_emojis boolean NOT NULL DEFAULT false,
  ADD COLUMN has_card   boolean NOT NULL DEFAULT false;
ALTER TABLE accounts
  ADD COLUMN has_emojis boolean NOT NULL DEFAULT false;
UPDATE statuses s SET has_emojis = true
  WHERE EXISTS (SELECT 1 FROM status_custom_emojis je WHERE je.status_id = s.id);
UPDATE statuses s SET has_card = true
  WHERE EXISTS (SELECT 1 FROM status_preview_cards sc WHERE sc.status_id = s.id);
UPDATE accounts a SET has_emojis = true
  WHERE EXISTS (SELECT 1 FROM account_custom_emojis je WHERE je.account_id = a.id);
