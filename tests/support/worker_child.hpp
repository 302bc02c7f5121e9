#pragma once

#include <string>

namespace lox::testing {

// The body of a job worker child process for multi-process queue tests.
// Arguments: DATABASE_URL LEASE_SECONDS REAPER_SECONDS WORKERS
// Handles kind "test.record": inserts a row into test_job_runs when it starts, sleeps
// payload.sleep_ms (or payload.first_attempt_sleep_ms on attempt 1), then marks the row finished.
// Runs until SIGTERM or SIGINT, then drains like `loxodon serve`.
int run_worker_child(int argc, char** argv);

// The table the child writes; create it in the test database before starting children.
inline constexpr const char* kJobRunsTable =
    "CREATE TABLE test_job_runs (job_id bigint NOT NULL, worker text NOT NULL, "
    "attempt int NOT NULL, started_at timestamptz NOT NULL DEFAULT clock_timestamp(), "
    "finished_at timestamptz)";

}  // namespace lox::testing
