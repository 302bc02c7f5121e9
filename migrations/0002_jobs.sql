-- The durable job queue: side effects are rows written in the same transaction as the state change
-- that causes them, claimed by workers with FOR UPDATE SKIP LOCKED under a lease.
CREATE TYPE job_state AS ENUM ('available', 'running', 'retryable', 'discarded');

CREATE TABLE jobs (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  queue        text        NOT NULL CHECK (queue <> ''),
  kind         text        NOT NULL CHECK (kind <> ''),
  payload      jsonb       NOT NULL DEFAULT '{}',
  state        job_state   NOT NULL DEFAULT 'available',
  priority     smallint    NOT NULL DEFAULT 100,
  attempt      smallint    NOT NULL DEFAULT 0,
  max_attempts smallint    NOT NULL DEFAULT 17 CHECK (max_attempts > 0),
  run_at       timestamptz NOT NULL DEFAULT now(),
  locked_by    text,
  locked_until timestamptz,
  dedupe_key   text,
  last_error   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz,
  CHECK ((state = 'running') = (locked_until IS NOT NULL))
);

CREATE INDEX jobs_fetch ON jobs (priority, run_at, id) WHERE state IN ('available', 'retryable');
CREATE INDEX jobs_lease ON jobs (locked_until) WHERE state = 'running';
CREATE UNIQUE INDEX jobs_dedupe ON jobs (queue, dedupe_key)
  WHERE dedupe_key IS NOT NULL AND state IN ('available', 'retryable', 'running');
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE finished_at IS NOT NULL;

ALTER TABLE jobs SET (autovacuum_vacuum_scale_factor = 0.02, fillfactor = 90);

-- One NOTIFY per inserting statement and queue, only for rows that can run now; workers also poll,
-- so a lost notification delays a job by at most one poll interval.
CREATE FUNCTION jobs_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('loxodon_jobs', q.queue)
    FROM (SELECT DISTINCT queue FROM new_rows WHERE run_at <= now()) q;
  RETURN NULL;
END $$;

CREATE TRIGGER jobs_notify AFTER INSERT ON jobs REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION jobs_notify();
