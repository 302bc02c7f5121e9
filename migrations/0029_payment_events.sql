-- Every webhook event a payment provider delivered and we accepted, once: a repeated delivery
-- finds its id here and changes nothing. The raw body's SHA-256 is kept for audit (the body
-- itself may name customers, and is not).
CREATE TABLE payment_events (
  provider      text NOT NULL,
  event_id      text NOT NULL,
  provider_type text NOT NULL,
  type          text NOT NULL,
  occurred_at   timestamptz NOT NULL,
  received_at   timestamptz NOT NULL DEFAULT now(),
  raw_sha256    text NOT NULL,
  PRIMARY KEY (provider, event_id)
);
