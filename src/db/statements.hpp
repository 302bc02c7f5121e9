#pragma once
// Every prepared statement Loxodon uses, prepared once per connection when it opens.
// Repositories call them by name; the SQL lives only here and in migrations/.

#include <array>
#include <string_view>

namespace lox::db::sql {

struct Statement {
  const char* name;
  const char* text;
};

inline constexpr std::array kStatements = {
    Statement{"ping", "SELECT 1"},
    // --- jobs -------------------------------------------------------------------------------
    Statement{"jobs_enqueue",
              "INSERT INTO jobs (queue, kind, payload, priority, max_attempts, run_at, dedupe_key) "
              "VALUES ($1, $2, $3::jsonb, $4, $5, now() + make_interval(secs => $6), $7) "
              "ON CONFLICT (queue, dedupe_key) "
              "  WHERE dedupe_key IS NOT NULL AND state IN ('available','retryable','running') "
              "DO NOTHING RETURNING id"},
    Statement{"jobs_claim",
              "WITH next AS ("
              "  SELECT id FROM jobs"
              "  WHERE state IN ('available','retryable') AND run_at <= now()"
              "    AND queue = ANY($1::text[])"
              "  ORDER BY priority, run_at, id LIMIT $4 FOR UPDATE SKIP LOCKED) "
              "UPDATE jobs j SET state = 'running', attempt = j.attempt + 1, locked_by = $2,"
              "  locked_until = now() + make_interval(secs => $3) "
              "FROM next WHERE j.id = next.id "
              "RETURNING j.id, j.queue, j.kind, j.payload::text, j.attempt, j.max_attempts"},
    Statement{"jobs_complete",
              "DELETE FROM jobs WHERE id = $1 AND locked_by = $2 AND attempt = $3 "
              "AND state = 'running'"},
    // Mastodon's retry curve: attempt^4 + 15 s, plus jitter up to 10 s per attempt.
    Statement{"jobs_fail",
              "UPDATE jobs SET"
              "  state = CASE WHEN $5 OR attempt >= max_attempts THEN 'discarded'::job_state"
              "               ELSE 'retryable'::job_state END,"
              "  run_at = now() + make_interval(secs => power(attempt, 4) + 15"
              "                                 + floor(random() * 10) * (attempt + 1)),"
              "  finished_at = CASE WHEN $5 OR attempt >= max_attempts THEN now() END,"
              "  last_error = left($4, 2000), locked_by = NULL, locked_until = NULL "
              "WHERE id = $1 AND locked_by = $2 AND attempt = $3 AND state = 'running'"},
    Statement{"jobs_extend_lease",
              "UPDATE jobs SET locked_until = now() + make_interval(secs => $4) "
              "WHERE id = $1 AND locked_by = $2 AND attempt = $3 AND state = 'running'"},
    // An expired lease means the worker died or stalled: the attempt counts as failed.
    Statement{"jobs_reap",
              "UPDATE jobs SET"
              "  state = CASE WHEN attempt >= max_attempts THEN 'discarded'::job_state"
              "               ELSE 'retryable'::job_state END,"
              "  finished_at = CASE WHEN attempt >= max_attempts THEN now() END,"
              "  run_at = now(), last_error = 'lease expired (worker ' || locked_by || ' stopped)',"
              "  locked_by = NULL, locked_until = NULL "
              "WHERE state = 'running' AND locked_until < now()"},
    // A worker that stops gracefully hands back what it claimed without counting an attempt.
    Statement{"jobs_release",
              "UPDATE jobs SET state = 'available', attempt = greatest(attempt - 1, 0),"
              "  locked_by = NULL, locked_until = NULL, run_at = now() "
              "WHERE locked_by = $1 AND state = 'running'"},
    Statement{"jobs_delete_finished",
              "DELETE FROM jobs WHERE state = 'discarded' AND finished_at < now() - "
              "make_interval(days => $1)"},
    Statement{"jobs_counts", "SELECT state::text, count(*) FROM jobs GROUP BY state"},
    // --- instance --------------------------------------------------------------------------
    Statement{"instance_stats",
              "SELECT"
              " (SELECT count(*) FROM accounts WHERE domain IS NULL AND suspended_at IS NULL),"
              " (SELECT count(*) FROM statuses WHERE local AND deleted_at IS NULL),"
              " (SELECT count(DISTINCT domain) FROM accounts WHERE domain IS NOT NULL),"
              " (SELECT count(*) FROM accounts WHERE domain IS NULL AND suspended_at IS NULL"
              "    AND last_active_at > now() - interval '30 days')"},
    Statement{"instance_rules",
              "SELECT id::text, text, hint FROM instance_rules WHERE deleted_at IS NULL "
              "ORDER BY position, id"},
    // --- secrets ---------------------------------------------------------------------------
    Statement{"secret_insert",
              "INSERT INTO instance_secrets (name, value) VALUES ($1, $2) "
              "ON CONFLICT (name) DO NOTHING"},
    Statement{"secret_get", "SELECT value FROM instance_secrets WHERE name = $1"},
};

}  // namespace lox::db::sql
