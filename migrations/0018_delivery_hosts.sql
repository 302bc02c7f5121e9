-- Jobs that share a concurrency key run at most a few at a time across every process (deliveries
-- use "host:port", so one slow server cannot take every worker, and no server gets more than two
-- concurrent POSTs from us).
ALTER TABLE jobs ADD COLUMN concurrency_key text;
CREATE INDEX jobs_running_key ON jobs (concurrency_key)
  WHERE state = 'running' AND concurrency_key IS NOT NULL;

-- Delivery health per remote host:port, as Mastodon's DeliveryFailureTracker: each failed attempt
-- adds its UTC day; a host that failed on 7 distinct days with no success between is unavailable
-- (deliveries skipped except Follow) until a delivery succeeds, a signed request arrives from it,
-- or an admin clears it. Hosts without failures have no row.
CREATE TABLE delivery_hosts (
  host              text PRIMARY KEY CHECK (host = lower(host) AND host <> ''),
  failure_days      date[]      NOT NULL DEFAULT '{}',
  last_failure      text,
  last_failure_at   timestamptz,
  unavailable_since timestamptz
);

-- The jobs table churns (every job is inserted, updated and deleted): let autovacuum visit it
-- after a thousand dead rows whatever its size, unthrottled. The job runtime also vacuums it
-- after bursts, since autovacuum looks only once a minute.
ALTER TABLE jobs SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
                      autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000,
                      autovacuum_vacuum_cost_delay = 0);
