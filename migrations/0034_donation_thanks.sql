-- The public thanks wall: donors who opted in, by the name they chose or as "anonymous", with
-- an optional message. One row per donation, and one per recurring donation however many
-- times it renews (donor_ref: the provider's subscription). Administrators can hide a row (a
-- name is public text and may need moderating); a donation refunded in full drops off.
CREATE TABLE donation_thanks (
  id              bigint PRIMARY KEY,
  ledger_entry_id bigint NOT NULL UNIQUE REFERENCES ledger_entries (id),
  donor_ref       text UNIQUE,
  name            text,
  message         text NOT NULL DEFAULT '',
  hidden          boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now()
);
