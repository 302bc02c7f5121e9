-- Instance-wide state that belongs to the server rather than to any account.

-- Secrets generated on first start (session signing key, VAPID key pair, the instance actor's
-- key pair). Every `loxodon serve` process reads the same rows, so they agree without a file.
CREATE TABLE instance_secrets (
  name       text PRIMARY KEY,
  value      text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Server rules shown at sign-up and in /api/v1/instance.
CREATE TABLE instance_rules (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  position   integer NOT NULL DEFAULT 0,
  text       text NOT NULL CHECK (text <> ''),
  hint       text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
