-- What an instance publishes about its funding: one row of settings (the currency goals are in,
-- the monthly goal, the reserve it wants to hold) and any number of stretch goals. The figures
-- themselves are never stored: they are computed from the ledger each time.
CREATE TABLE funding_settings (
  singleton            boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  currency             text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  monthly_goal_minor   bigint NOT NULL DEFAULT 0
                         CHECK (monthly_goal_minor >= 0 AND monthly_goal_minor <= 1000000000000000),
  reserve_target_minor bigint NOT NULL DEFAULT 0
                         CHECK (reserve_target_minor >= 0
                                AND reserve_target_minor <= 1000000000000000),
  description          text NOT NULL DEFAULT '',
  updated_by           text NOT NULL,
  updated_at           timestamptz NOT NULL DEFAULT now()
);

-- A stretch goal is reached when a month's net income in its currency reaches its amount.
CREATE TABLE funding_stretch_goals (
  id           bigint PRIMARY KEY,
  title        text NOT NULL CHECK (title <> ''),
  description  text NOT NULL DEFAULT '',
  amount_minor bigint NOT NULL CHECK (amount_minor > 0 AND amount_minor <= 1000000000000000),
  currency     text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  created_at   timestamptz NOT NULL DEFAULT now()
);
