#pragma once
// Prepared statements of the job queue (job_repository.cpp).

#include "db/statement.hpp"

#include <array>

namespace lox::db::sql {

inline constexpr std::array kJobStatements = {
    Statement{"jobs_enqueue",
              "INSERT INTO jobs (queue, kind, payload, priority, max_attempts, run_at, dedupe_key,"
              "  concurrency_key) "
              "VALUES ($1, $2, $3::jsonb, $4, $5, now() + make_interval(secs => $6), $7, $8) "
              "ON CONFLICT (queue, dedupe_key) "
              "  WHERE dedupe_key IS NOT NULL AND state IN ('available','retryable','running') "
              "DO NOTHING RETURNING id"},
    // Claims up to $4 jobs. A job with a concurrency key is taken only while fewer than $5 jobs
    // with that key are running: saturated keys are skipped (so a backlog for one slow host does
    // not hold up the rest) and a batch takes no more of one key than its free slots. Claimers
    // serialise on jobs_claim_lock (its own statement, so the claim's snapshot is taken after
    // the previous claimer committed) for the count to hold across processes; claims are
    // batched and short, so this costs little. A running job whose lease has run out (its
    // worker died; no heartbeat extends it) holds no slot while it waits for the reaper.
    Statement{"jobs_claim_lock", "SELECT pg_advisory_xact_lock(7353000001)"},
    Statement{
        "jobs_claim",
        "WITH busy AS ("
        "  SELECT concurrency_key, count(*) AS running FROM jobs"
        "  WHERE state = 'running' AND concurrency_key IS NOT NULL AND locked_until > now()"
        "  GROUP BY 1), "
        "candidates AS ("
        "  SELECT j.id, j.concurrency_key, j.priority, j.run_at FROM jobs j"
        "  WHERE j.state IN ('available','retryable') AND j.run_at <= now()"
        "    AND j.queue = ANY($1::text[])"
        "    AND (j.concurrency_key IS NULL OR j.concurrency_key NOT IN ("
        "      SELECT concurrency_key FROM busy WHERE running >= $5))"
        "  ORDER BY j.priority, j.run_at, j.id LIMIT $4 * 4 FOR UPDATE SKIP LOCKED), "
        "ranked AS ("
        "  SELECT c.*, row_number() OVER (PARTITION BY c.concurrency_key"
        "    ORDER BY c.priority, c.run_at, c.id) AS nth FROM candidates c), "
        "next AS ("
        "  SELECT r.id FROM ranked r LEFT JOIN busy b ON b.concurrency_key = r.concurrency_key"
        "  WHERE r.concurrency_key IS NULL OR r.nth + coalesce(b.running, 0) <= $5"
        "  ORDER BY r.priority, r.run_at, r.id LIMIT $4) "
        "UPDATE jobs j SET state = 'running', attempt = j.attempt + 1, locked_by = $2,"
        "  locked_until = now() + make_interval(secs => $3) "
        "FROM next WHERE j.id = next.id "
        "RETURNING j.id, j.queue, j.kind, j.payload::text, j.attempt, j.max_attempts"},
    Statement{"jobs_complete",
              "DELETE FROM jobs WHERE id = $1 AND locked_by = $2 AND attempt = $3 "
              "AND state = 'running'"},
    // Many finished jobs in one statement ($1 ids, $3 their attempts, in the same order).
    Statement{"jobs_complete_many",
              "DELETE FROM jobs j USING unnest($1::bigint[], $3::bigint[]) AS f(id, attempt) "
              "WHERE j.id = f.id AND j.attempt = f.attempt AND j.locked_by = $2 "
              "AND j.state = 'running' RETURNING j.id"},
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
    // A worker that stops gracefully hands back a job it holds without counting the attempt.
    // Fenced like completion: only the exact attempt this worker claimed.
    Statement{"jobs_release",
              "UPDATE jobs SET state = 'available', attempt = greatest(attempt - 1, 0),"
              "  locked_by = NULL, locked_until = NULL, run_at = now() "
              "WHERE id = $1 AND locked_by = $2 AND attempt = $3 AND state = 'running'"},
    Statement{"jobs_delete_finished",
              "DELETE FROM jobs WHERE state = 'discarded' AND finished_at < now() - "
              "make_interval(days => $1)"},
    // Finished jobs leave dead entries at the head of the claim indexes that every claim
    // would walk through until autovacuum's next round (up to a minute away), and a burst of
    // new jobs leaves statistics that make the planner sort the whole queue instead of walking
    // the index: the runtime vacuums and analyzes after bursts. SKIP_LOCKED: another process's
    // run is as good.
    Statement{"jobs_vacuum", "VACUUM (ANALYZE, SKIP_LOCKED) jobs"},
    Statement{"jobs_counts", "SELECT state::text, count(*) FROM jobs GROUP BY state"},
    // Jobs due now and waiting, by kind, with how long the oldest has waited (metrics).
    Statement{"jobs_queue_stats",
              "SELECT kind, count(*), "
              "  coalesce(extract(epoch FROM now() - min(run_at)), 0)::float8 FROM jobs "
              "WHERE state IN ('available','retryable') AND run_at <= now() GROUP BY kind"},
};

}  // namespace lox::db::sql
