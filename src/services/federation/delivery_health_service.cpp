#include <loxodon/db/database.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/services/federation/delivery_health_service.hpp>

namespace lox::services {

awaitable<std::vector<db::DeliveryHostHealth>> DeliveryHealthService::hosts() {
  co_return co_await db_.read([](db::Tx& tx) { return db::DeliveryHostRepository::list(tx); });
}

awaitable<bool> DeliveryHealthService::clear(std::string host) {
  host = domain::lowercase(host);
  co_return co_await db_.tx(
      [&](db::Tx& tx) { return db::DeliveryHostRepository::clear(tx, host); });
}

}  // namespace lox::services
