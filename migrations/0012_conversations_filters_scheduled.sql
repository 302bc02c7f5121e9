-- Conversations (direct messages grouped per participant set), filters (v2, with v1 as a
-- projection of their keywords) and scheduled statuses.

-- One row per local account and conversation thread and set of other participants, as
-- Mastodon's account_conversations: the same thread with different people is another row.
-- The id is a plain sequence, as in Mastodon; clients page conversations by last_status_id.
CREATE TABLE account_conversations (
  id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id              bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  conversation_id         bigint NOT NULL,
  participant_account_ids bigint[] NOT NULL,  -- the others, sorted
  status_ids              bigint[] NOT NULL,
  last_status_id          bigint NOT NULL,
  unread                  boolean NOT NULL DEFAULT false,
  UNIQUE (account_id, conversation_id, participant_account_ids)
);
CREATE INDEX account_conversations_page ON account_conversations (account_id, last_status_id DESC);
CREATE INDEX account_conversations_thread ON account_conversations (conversation_id);

CREATE TABLE custom_filters (
  id            bigint PRIMARY KEY,
  account_id    bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  title         text NOT NULL,
  contexts      text[] NOT NULL,
  filter_action smallint NOT NULL DEFAULT 0,  -- 0 warn, 1 hide, 2 blur
  expires_at    timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX custom_filters_account ON custom_filters (account_id, id);

CREATE TABLE custom_filter_keywords (
  id         bigint PRIMARY KEY,
  filter_id  bigint NOT NULL REFERENCES custom_filters (id) ON DELETE CASCADE,
  keyword    text NOT NULL,
  whole_word boolean NOT NULL DEFAULT true,
  -- The keyword as a PostgreSQL regular expression (escaped, with word boundaries when
  -- whole_word), matched case-insensitively against a status's text.
  pattern    text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX custom_filter_keywords_filter ON custom_filter_keywords (filter_id, id);

CREATE TABLE custom_filter_statuses (
  id         bigint PRIMARY KEY,
  filter_id  bigint NOT NULL REFERENCES custom_filters (id) ON DELETE CASCADE,
  status_id  bigint NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (filter_id, status_id)
);
CREATE INDEX custom_filter_statuses_status ON custom_filter_statuses (status_id);

-- Statuses to be posted later: the request as the client sent it, posted by a job due at
-- scheduled_at (the job checks the row still wants that time, so rescheduling is safe).
CREATE TABLE scheduled_statuses (
  id              bigint PRIMARY KEY,
  account_id      bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  scheduled_at    timestamptz NOT NULL,
  params          jsonb NOT NULL,
  idempotency_key text,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scheduled_statuses_account ON scheduled_statuses (account_id, id DESC);
CREATE UNIQUE INDEX scheduled_statuses_idempotency
  ON scheduled_statuses (account_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
