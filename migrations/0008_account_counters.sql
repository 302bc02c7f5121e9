-- Account counters kept by triggers, so rendering an account never counts rows: the counts stay
-- right whatever code path inserts or removes a status or a follow.
ALTER TABLE accounts
  ADD COLUMN statuses_count  integer NOT NULL DEFAULT 0,
  ADD COLUMN followers_count integer NOT NULL DEFAULT 0,
  ADD COLUMN following_count integer NOT NULL DEFAULT 0;

UPDATE accounts a SET
  statuses_count = (SELECT count(*) FROM statuses s WHERE s.account_id = a.id AND s.deleted_at IS NULL),
  followers_count = (SELECT count(*) FROM follows f WHERE f.target_account_id = a.id),
  following_count = (SELECT count(*) FROM follows f WHERE f.account_id = a.id);

CREATE FUNCTION accounts_count_statuses() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW.deleted_at IS NULL THEN
    UPDATE accounts SET statuses_count = statuses_count + 1 WHERE id = NEW.account_id;
  ELSIF TG_OP = 'UPDATE' AND OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN
    UPDATE accounts SET statuses_count = greatest(statuses_count - 1, 0) WHERE id = NEW.account_id;
  ELSIF TG_OP = 'DELETE' AND OLD.deleted_at IS NULL THEN
    UPDATE accounts SET statuses_count = greatest(statuses_count - 1, 0) WHERE id = OLD.account_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER statuses_count AFTER INSERT OR UPDATE OF deleted_at OR DELETE ON statuses
  FOR EACH ROW EXECUTE FUNCTION accounts_count_statuses();

CREATE FUNCTION accounts_count_follows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE accounts SET followers_count = followers_count + 1 WHERE id = NEW.target_account_id;
    UPDATE accounts SET following_count = following_count + 1 WHERE id = NEW.account_id;
  ELSE
    UPDATE accounts SET followers_count = greatest(followers_count - 1, 0) WHERE id = OLD.target_account_id;
    UPDATE accounts SET following_count = greatest(following_count - 1, 0) WHERE id = OLD.account_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER follows_count AFTER INSERT OR DELETE ON follows
  FOR EACH ROW EXECUTE FUNCTION accounts_count_follows();
