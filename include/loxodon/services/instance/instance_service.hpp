#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/instance.hpp>
#include <loxodon/util/asio.hpp>

#include <chrono>
#include <memory>
#include <mutex>
#include <vector>

namespace lox::db {
class Database;
}

namespace lox::services {

// What the instance documents (/api/v1/instance, /api/v2/instance, nodeinfo) are built from:
// the live counts and rules from the database, the rest from configuration.
struct InstanceSnapshot {
  domain::InstanceStats stats;
  std::vector<domain::InstanceRule> rules;
  std::chrono::system_clock::time_point taken_at;
};

// Reads instance statistics and rules, cached for a short time: apps fetch the instance document
// on every launch and it must stay cheap under load. A stale snapshot is served while the
// database is unreachable rather than failing the request.
class InstanceService {
 public:
  InstanceService(db::Database& db, std::chrono::seconds ttl = std::chrono::seconds(60));

  // The same shared_ptr is returned until the snapshot is refreshed, so callers can cache
  // whatever they render from it.
  awaitable<std::shared_ptr<const InstanceSnapshot>> snapshot();
  // Host names of the servers this one knows accounts on.
  awaitable<std::vector<std::string>> peers();

 private:
  db::Database& db_;
  std::chrono::seconds ttl_;
  std::mutex mutex_;
  std::shared_ptr<const InstanceSnapshot> cached_;
  std::chrono::steady_clock::time_point fetched_at_;
  bool refreshing_ = false;
};

}  // namespace lox::services
