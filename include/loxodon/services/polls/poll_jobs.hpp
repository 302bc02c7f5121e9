#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/jobs/job_kind.hpp>
#include <loxodon/util/asio.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>

namespace lox::db {
class Database;
class Tx;
}  // namespace lox::db

namespace lox::services {

struct PollStatusPayload {
  std::int64_t status_id = 0;  // the status that carries the poll
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(PollStatusPayload, status_id)

// A poll closed: other servers get its final counts, its voters and author a notification.
inline constexpr jobs::JobKind<PollStatusPayload> kPollExpiredJob{
    "poll.expired", "default", "federates a closed poll's final counts, notifies its voters"};
// After votes on a local poll, other servers get its new counts (Update(Question)) once the votes
// settle for a few seconds, one pending update per poll.
inline constexpr jobs::JobKind<PollStatusPayload> kPollUpdateJob{
    "poll.federate_counts", "fanout", "sends a local poll's new counts to other servers"};

// Both enqueue in the caller's transaction.
void enqueue_poll_expiry(db::Tx& tx, std::int64_t status_id, std::chrono::seconds closes_in);
void enqueue_poll_update(db::Tx& tx, std::int64_t status_id);

// Runs poll.expired and poll.federate_counts jobs.
class PollJobs {
 public:
  PollJobs(const config::Config& config, db::Database& db);
  awaitable<void> run_expired(PollStatusPayload payload);
  awaitable<void> run_update(PollStatusPayload payload);

 private:
  const config::Config& config_;
  db::Database& db_;
};

}  // namespace lox::services
