-- Supporter-funded seats: months of a plan that members paid for so that others (who ask, or
-- whom the administrators choose) get them free. A seat is funded by a donation in the ledger
-- (or recorded by hand) and, once given, becomes a comped membership of the recipient.
CREATE TABLE funded_seats (
  id              bigint PRIMARY KEY,
  plan_id         bigint NOT NULL REFERENCES membership_plans (id),
  months          integer NOT NULL CHECK (months >= 1 AND months <= 120),
  ledger_entry_id bigint UNIQUE REFERENCES ledger_entries (id),
  funded_by       text NOT NULL,
  account_id      bigint REFERENCES accounts (id) ON DELETE SET NULL,
  membership_id   bigint,
  assigned_by     text,
  assigned_at     timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX funded_seats_open ON funded_seats (created_at) WHERE assigned_at IS NULL;
