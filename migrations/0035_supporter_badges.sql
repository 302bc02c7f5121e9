-- A member's supporter badge, shown in the Mastodon `roles` of their account everywhere it is
-- served. Derived from their memberships (the plan's `badge` entitlement, the state, the
-- period end and the grace period) whenever those change, and kept here with the time it
-- lapses, so reading an account costs no join: past supporter_badge_until it is simply gone.
ALTER TABLE accounts ADD COLUMN supporter_badge text;
ALTER TABLE accounts ADD COLUMN supporter_badge_until timestamptz;
