#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/services/statuses/status_page.hpp>
#include <loxodon/services/statuses/status_reader.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <cstdint>
#include <set>
#include <vector>

namespace lox::db {
class Database;
class Tx;
struct PollForVote;
}  // namespace lox::db

namespace lox::services {

// Reading and voting on polls, local or another server's.
class PollService {
 public:
  PollService(const config::Config& config, db::Database& db, SnowflakeGenerator& ids,
              StatusReader& reader);

  // The status carrying the poll, as the viewer sees it (poll included).
  awaitable<StatusPage> poll(std::int64_t poll_id, std::int64_t viewer);
  awaitable<StatusPage> vote(std::int64_t poll_id, std::int64_t voter, std::vector<int> choices);

 private:
  void send_votes(db::Tx& tx, const db::PollForVote& poll, std::int64_t voter,
                  const std::set<int>& choices, const std::vector<std::int64_t>& row_ids);

  const config::Config& config_;
  db::Database& db_;
  SnowflakeGenerator& ids_;
  StatusReader& reader_;
};

}  // namespace lox::services
