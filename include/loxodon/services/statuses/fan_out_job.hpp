#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/jobs/job_kind.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>

namespace lox::db {
class Database;
class Tx;
}  // namespace lox::db

namespace lox::services {

struct FanOutPayload {
  std::int64_t status_id = 0;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(FanOutPayload, status_id)

// A new status reaches everyone it is for: home feeds, lists, hashtag followers,
// conversations, live streams, other servers, and the notifications of those it mentions and
// of followers who rang the bell.
inline constexpr jobs::JobKind<FanOutPayload> kFanOutJob{
    "status.fan_out", "fanout",
    "files a new status in feeds, lists and conversations, streams it, federates it, notifies"};

// Enqueues the fan-out of a new status in the caller's transaction.
void enqueue_fan_out(db::Tx& tx, std::int64_t status_id);

// Does what the fan-out job does, at once in the caller's transaction. The inbox files statuses
// from other servers this way: no second job to enqueue, claim and complete for each, and
// nothing to federate, so the transaction stays short.
void fan_out_now(db::Tx& tx, const config::Config& config, SnowflakeGenerator& ids,
                 std::int64_t status_id);

// Runs status.fan_out jobs.
class FanOutJob {
 public:
  FanOutJob(const config::Config& config, db::Database& db, SnowflakeGenerator& ids);
  awaitable<void> run(FanOutPayload payload);

 private:
  const config::Config& config_;
  db::Database& db_;
  SnowflakeGenerator& ids_;
};

}  // namespace lox::services
