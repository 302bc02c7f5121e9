#include <loxodon/db/database.hpp>
#include <loxodon/db/instance_repository.hpp>
#include <loxodon/services/instance/instance_service.hpp>

namespace lox::services {

InstanceService::InstanceService(db::Database& db, std::chrono::seconds ttl) : db_(db), ttl_(ttl) {}

awaitable<std::shared_ptr<const InstanceSnapshot>> InstanceService::snapshot() {
  std::shared_ptr<const InstanceSnapshot> current;
  {
    std::lock_guard lock(mutex_);
    current = cached_;
    bool fresh = current && std::chrono::steady_clock::now() - fetched_at_ < ttl_;
    // One refresh at a time; everyone else keeps using the previous snapshot meanwhile.
    if (fresh || (current && refreshing_)) co_return current;
    refreshing_ = true;
  }
  try {
    auto next = co_await db_.tx([](db::Tx& tx) {
      auto s = std::make_shared<InstanceSnapshot>();
      s->stats = db::InstanceRepository::stats(tx);
      s->rules = db::InstanceRepository::rules(tx);
      s->taken_at = std::chrono::system_clock::now();
      return std::shared_ptr<const InstanceSnapshot>(std::move(s));
    });
    std::lock_guard lock(mutex_);
    cached_ = next;
    fetched_at_ = std::chrono::steady_clock::now();
    refreshing_ = false;
    co_return next;
  } catch (...) {
    std::lock_guard lock(mutex_);
    refreshing_ = false;
    if (!current) throw;
  }
  co_return current;
}

awaitable<std::vector<std::string>> InstanceService::peers() {
  co_return co_await db_.read([](db::Tx& tx) { return db::InstanceRepository::peers(tx); });
}

}  // namespace lox::services
