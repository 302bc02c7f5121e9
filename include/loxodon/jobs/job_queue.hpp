#pragma once

#include <loxodon/db/job_records.hpp>
#include <loxodon/db/tx.hpp>

#include <cstdint>
#include <optional>

namespace lox::jobs {

using NewJob = db::NewJob;
using Job = db::ClaimedJob;

// Enqueues a job inside the caller's transaction (transactional outbox): the job exists exactly
// when the state change that caused it commits. The insert trigger NOTIFYs waiting workers.
std::optional<std::int64_t> enqueue(db::Tx& tx, const NewJob& job);

}  // namespace lox::jobs
