-- Endorsements: followed accounts an account features on its profile (Mastodon's account pins).
CREATE TABLE account_pins (
  id                bigint PRIMARY KEY,
  account_id        bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  target_account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, target_account_id)
);

-- An endorsement needs the follow: whatever ends the follow (unfollow, block, suspension) ends
-- the endorsement too, in the same statement.
CREATE FUNCTION account_pins_follow_ended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM account_pins
   WHERE account_id = OLD.account_id AND target_account_id = OLD.target_account_id;
  RETURN NULL;
END $$;

CREATE TRIGGER follows_end_account_pins AFTER DELETE ON follows
  FOR EACH ROW EXECUTE FUNCTION account_pins_follow_ended();
