-- Membership plans and members. A plan's entitlements (JSON: max_characters, ...) apply to an
-- account while its membership is active, trialing, past due or comped and its period has not
-- ended more than the grace period ago: derived from the state and the period end, never from
-- one event. provider_price_ref maps a provider's price to the plan.
CREATE TABLE membership_plans (
  id                 bigint PRIMARY KEY,
  name               text NOT NULL UNIQUE CHECK (name <> ''),
  description        text NOT NULL DEFAULT '',
  price_minor        bigint NOT NULL CHECK (price_minor >= 0 AND price_minor <= 1000000000000000),
  currency           text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  billing_interval   text NOT NULL CHECK (billing_interval IN ('month', 'year')),
  trial_days         integer NOT NULL DEFAULT 0 CHECK (trial_days >= 0 AND trial_days <= 365),
  entitlements       jsonb NOT NULL DEFAULT '{}',
  provider_price_ref text UNIQUE,
  active             boolean NOT NULL DEFAULT true,
  created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
  id                   bigint PRIMARY KEY,
  account_id           bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  plan_id              bigint NOT NULL REFERENCES membership_plans (id),
  provider             text NOT NULL,
  subscription_ref     text NOT NULL,
  status               text NOT NULL CHECK (status IN ('trialing', 'active', 'past_due',
                         'comped', 'canceled', 'ended')),
  current_period_end   timestamptz,
  cancel_at_period_end boolean NOT NULL DEFAULT false,
  last_event_at        timestamptz NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider, subscription_ref)
);
CREATE INDEX memberships_account ON memberships (account_id);
CREATE INDEX memberships_plan ON memberships (plan_id);
