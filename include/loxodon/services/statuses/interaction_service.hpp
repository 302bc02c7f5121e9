#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/page_request.hpp>
#include <loxodon/services/accounts/relationship_service.hpp>
#include <loxodon/services/statuses/status_page.hpp>
#include <loxodon/services/statuses/status_reader.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <cstdint>

namespace lox::db {
class Database;
}

namespace lox::services {

// What a user does to a status they can see: favourite, bookmark, boost, pin, mute its
// conversation; and who favourited or boosted it. Each answers with the status as the user now
// sees it.
class InteractionService {
 public:
  InteractionService(const config::Config& config, db::Database& db, SnowflakeGenerator& ids,
                     StatusReader& reader);

  awaitable<StatusPage> favourite(std::int64_t id, std::int64_t account_id, bool on);
  awaitable<StatusPage> bookmark(std::int64_t id, std::int64_t account_id, bool on);
  // Boosting returns the boost (its own status wrapping the original); unboosting the original.
  awaitable<StatusPage> reblog(std::int64_t id, std::int64_t account_id);
  awaitable<StatusPage> unreblog(std::int64_t id, std::int64_t account_id);
  awaitable<StatusPage> pin(std::int64_t id, std::int64_t me, bool on);
  awaitable<StatusPage> mute_conversation(std::int64_t id, std::int64_t me, bool on);
  awaitable<AccountPage> reblogged_by(std::int64_t id, std::int64_t viewer,
                                      domain::PageRequest page);
  awaitable<AccountPage> favourited_by(std::int64_t id, std::int64_t viewer,
                                       domain::PageRequest page);

 private:
  const config::Config& config_;
  db::Database& db_;
  SnowflakeGenerator& ids_;
  StatusReader& reader_;
};

}  // namespace lox::services
