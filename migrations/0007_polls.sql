CREATE TABLE polls (
  id          bigint PRIMARY KEY,
  status_id   bigint NOT NULL UNIQUE REFERENCES statuses (id) ON DELETE CASCADE,
  account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  options     text[] NOT NULL,
  multiple    boolean NOT NULL DEFAULT false,
  hide_totals boolean NOT NULL DEFAULT false,
  expires_at  timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE poll_votes (
  id         bigint PRIMARY KEY,
  poll_id    bigint NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  choice     integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (poll_id, account_id, choice)
);
CREATE INDEX poll_votes_poll ON poll_votes (poll_id);
