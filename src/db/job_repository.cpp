#include "db/pg_array.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/job_repository.hpp>

namespace lox::db {

std::optional<std::int64_t> JobRepository::enqueue(Tx& tx, const NewJob& job) {
  auto r = tx.exec("jobs_enqueue", job.queue, job.kind, job.payload.dump(), job.priority,
                   job.max_attempts, static_cast<long long>(job.delay.count()), job.dedupe_key,
                   job.concurrency_key);
  if (r.empty()) return std::nullopt;
  return r[0][0].as<std::int64_t>();
}

std::vector<ClaimedJob> JobRepository::claim(Tx& tx, const std::vector<std::string>& queues,
                                             const std::string& worker, std::chrono::seconds lease,
                                             int limit, int per_key_limit) {
  tx.exec("jobs_claim_lock");
  auto r = tx.exec("jobs_claim", to_pg_text_array(queues), worker,
                   static_cast<long long>(lease.count()), limit, per_key_limit);
  std::vector<ClaimedJob> out;
  out.reserve(r.size());
  for (const auto& row : r) {
    ClaimedJob job;
    job.id = row[0].as<std::int64_t>();
    job.queue = row[1].as<std::string>();
    job.kind = row[2].as<std::string>();
    job.payload = nlohmann::json::parse(row[3].as<std::string>());
    job.attempt = row[4].as<int>();
    job.max_attempts = row[5].as<int>();
    out.push_back(std::move(job));
  }
  return out;
}

bool JobRepository::complete(Tx& tx, std::int64_t id, const std::string& worker, int attempt) {
  return tx.exec("jobs_complete", id, worker, attempt).affected_rows() == 1;
}

std::vector<std::int64_t> JobRepository::complete_many(Tx& tx, const std::vector<std::int64_t>& ids,
                                                       const std::vector<std::int64_t>& attempts,
                                                       const std::string& worker) {
  auto r =
      tx.exec("jobs_complete_many", to_pg_bigint_array(ids), worker, to_pg_bigint_array(attempts));
  std::vector<std::int64_t> done;
  done.reserve(r.size());
  for (const auto& row : r) done.push_back(row[0].as<std::int64_t>());
  return done;
}

bool JobRepository::fail(Tx& tx, std::int64_t id, const std::string& worker, int attempt,
                         const std::string& error, bool permanent) {
  return tx.exec("jobs_fail", id, worker, attempt, error, permanent).affected_rows() == 1;
}

bool JobRepository::extend_lease(Tx& tx, std::int64_t id, const std::string& worker, int attempt,
                                 std::chrono::seconds lease) {
  return tx.exec("jobs_extend_lease", id, worker, attempt, static_cast<long long>(lease.count()))
             .affected_rows() == 1;
}

void JobRepository::vacuum(Tx& tx) { tx.exec("jobs_vacuum"); }

std::int64_t JobRepository::reap_expired(Tx& tx) {
  return static_cast<std::int64_t>(tx.exec("jobs_reap").affected_rows());
}

bool JobRepository::release(Tx& tx, std::int64_t id, const std::string& worker, int attempt) {
  return tx.exec("jobs_release", id, worker, attempt).affected_rows() == 1;
}

std::int64_t JobRepository::delete_discarded_older_than(Tx& tx, int days) {
  return static_cast<std::int64_t>(tx.exec("jobs_delete_finished", days).affected_rows());
}

std::map<std::string, std::int64_t> JobRepository::counts_by_state(Tx& tx) {
  std::map<std::string, std::int64_t> out;
  for (const auto& row : tx.exec("jobs_counts")) {
    out[row[0].as<std::string>()] = row[1].as<std::int64_t>();
  }
  return out;
}

std::map<std::string, JobRepository::QueueStats> JobRepository::queue_by_kind(Tx& tx) {
  std::map<std::string, QueueStats> out;
  for (const auto& row : tx.exec("jobs_queue_stats")) {
    out[row[0].as<std::string>()] = {row[1].as<std::int64_t>(), row[2].as<double>()};
  }
  return out;
}

}  // namespace lox::db
