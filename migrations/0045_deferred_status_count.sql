-- The statuses_count trigger (0008) now runs at commit instead of at each insert. Run at the
-- insert, it locked the author's account row for the rest of the transaction, so every
-- transaction storing a status by the same author waited for the one before it to commit:
-- a burst of posts from one remote account was stored one transaction at a time (about 370/s
-- on 2 cores with the inbox's fan-out in the same transaction). Deferred, the row is locked
-- only while the transaction commits. The counts are the same once it has committed.
DROP TRIGGER statuses_count ON statuses;
CREATE CONSTRAINT TRIGGER statuses_count AFTER INSERT OR UPDATE OF deleted_at OR DELETE ON statuses
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION accounts_count_statuses();
