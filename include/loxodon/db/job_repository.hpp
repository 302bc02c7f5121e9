#pragma once

#include <loxodon/db/job_records.hpp>
#include <loxodon/db/tx.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {

// SQL for the jobs table. Every state change after a claim is fenced by (locked_by, attempt), so a
// worker whose lease expired and was re-claimed elsewhere cannot complete or fail the new attempt.
class JobRepository {
 public:
  // Returns the new id, or nullopt when a job with the same dedupe key is already pending.
  static std::optional<std::int64_t> enqueue(Tx& tx, const NewJob& job);
  static std::vector<ClaimedJob> claim(Tx& tx, const std::vector<std::string>& queues,
                                       const std::string& worker, std::chrono::seconds lease,
                                       int limit, int per_key_limit = 2);
  static bool complete(Tx& tx, std::int64_t id, const std::string& worker, int attempt);
  // Completes each (id, attempt) this worker still holds, in one statement; returns those ids.
  static std::vector<std::int64_t> complete_many(Tx& tx, const std::vector<std::int64_t>& ids,
                                                 const std::vector<std::int64_t>& attempts,
                                                 const std::string& worker);
  static bool fail(Tx& tx, std::int64_t id, const std::string& worker, int attempt,
                   const std::string& error, bool permanent);
  static bool extend_lease(Tx& tx, std::int64_t id, const std::string& worker, int attempt,
                           std::chrono::seconds lease);
  // Outside a transaction (Database::read) only.
  static void vacuum(Tx& tx);
  // Returns jobs whose lease ran out to the queue; returns how many.
  static std::int64_t reap_expired(Tx& tx);
  // Hands back one job this worker holds without counting the attempt.
  static bool release(Tx& tx, std::int64_t id, const std::string& worker, int attempt);
  static std::int64_t delete_discarded_older_than(Tx& tx, int days);
  static std::map<std::string, std::int64_t> counts_by_state(Tx& tx);
  // Due jobs waiting by kind: how many, and the oldest one's wait in seconds.
  struct QueueStats {
    std::int64_t waiting = 0;
    double oldest_age_seconds = 0;
  };
  static std::map<std::string, QueueStats> queue_by_kind(Tx& tx);
};

}  // namespace lox::db
