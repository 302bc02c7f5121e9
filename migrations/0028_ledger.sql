-- The funding ledger: every movement of money in (donations, memberships, sponsorships,
-- manual entries) and out (costs), in whole minor units of an ISO 4217 currency. Entries are
-- never changed or removed: a refund, a dispute or a correction is a reversing entry pointing
-- at the one it reverses, so the table is its own audit trail (who recorded what, and when).
CREATE TABLE ledger_entries (
  id                bigint PRIMARY KEY,
  direction         text NOT NULL CHECK (direction IN ('in', 'out')),
  source            text NOT NULL CHECK (source IN ('donation', 'membership', 'sponsorship',
                      'manual', 'cost', 'refund', 'dispute', 'correction')),
  category          text NOT NULL DEFAULT '',
  amount_minor      bigint NOT NULL CHECK (amount_minor > 0 AND amount_minor <= 1000000000000000),
  currency          text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  occurred_at       timestamptz NOT NULL,
  description       text NOT NULL DEFAULT '',
  recurrence        text NOT NULL DEFAULT 'one_time'
                      CHECK (recurrence IN ('one_time', 'monthly', 'yearly')),
  reverses_entry_id bigint REFERENCES ledger_entries (id),
  provider          text NOT NULL DEFAULT 'manual',
  provider_ref      text,
  community         text,
  -- Who recorded it, kept as written then (an account may later be renamed or deleted).
  recorded_by_account_id bigint,
  recorded_by       text NOT NULL,
  recorded_at       timestamptz NOT NULL DEFAULT now(),
  CHECK ((source IN ('refund', 'dispute', 'correction')) = (reverses_entry_id IS NOT NULL))
);
CREATE INDEX ledger_entries_occurred ON ledger_entries (occurred_at DESC, id DESC);
CREATE INDEX ledger_entries_reverses ON ledger_entries (reverses_entry_id)
  WHERE reverses_entry_id IS NOT NULL;
-- A provider's payment is recorded once, however often its webhook arrives.
CREATE UNIQUE INDEX ledger_entries_provider_ref ON ledger_entries (provider, provider_ref)
  WHERE provider_ref IS NOT NULL;

CREATE FUNCTION ledger_entries_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger entries are immutable: record a reversing entry instead';
END $$;
CREATE TRIGGER ledger_entries_immutable BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_immutable();
