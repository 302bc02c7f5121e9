#pragma once

#include <loxodon/domain/account.hpp>
#include <loxodon/domain/list.hpp>
#include <loxodon/domain/page_request.hpp>
#include <loxodon/services/instance/read_your_writes.hpp>
#include <loxodon/services/statuses/status_reader.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {
class Database;
}

namespace lox::services {

// Lists of followed accounts with their own timelines.
class ListService {
 public:
  ListService(db::Database& db, SnowflakeGenerator& ids, StatusReader& statuses,
              const ReadYourWrites& recent);

  awaitable<std::vector<domain::List>> lists(std::int64_t me);
  awaitable<domain::List> get(std::int64_t me, std::int64_t id);
  awaitable<domain::List> create(std::int64_t me, std::string title, std::string replies_policy,
                                 bool exclusive);
  awaitable<domain::List> update(std::int64_t me, std::int64_t id, std::optional<std::string> title,
                                 std::optional<std::string> replies_policy,
                                 std::optional<bool> exclusive);
  awaitable<void> remove(std::int64_t me, std::int64_t id);
  awaitable<std::vector<domain::Account>> members(std::int64_t me, std::int64_t id,
                                                  domain::PageRequest page);
  awaitable<void> add_members(std::int64_t me, std::int64_t id, std::vector<std::int64_t> accounts);
  awaitable<void> remove_members(std::int64_t me, std::int64_t id,
                                 std::vector<std::int64_t> accounts);
  awaitable<std::vector<domain::List>> containing(std::int64_t me, std::int64_t account_id);
  awaitable<StatusPage> timeline(std::int64_t me, std::int64_t id, domain::PageRequest page);

 private:
  db::Database& db_;
  SnowflakeGenerator& ids_;
  StatusReader& statuses_;
  const ReadYourWrites& recent_;
};

}  // namespace lox::services
