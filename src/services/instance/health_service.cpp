#include <loxodon/db/database.hpp>
#include <loxodon/db/instance_repository.hpp>
#include <loxodon/services/instance/health_service.hpp>
#include <loxodon/util/error.hpp>

namespace lox::services {

awaitable<bool> HealthService::database_ok() {
  try {
    co_await db_.tx([](db::Tx& tx) { db::InstanceRepository::ping(tx); });
    co_return true;
  } catch (const Error&) {
    co_return false;
  }
}

}  // namespace lox::services
