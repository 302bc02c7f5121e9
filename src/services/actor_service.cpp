#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/services/actor_service.hpp>

namespace lox::services {

ActorService::ActorService(db::Database& db) : db_(db) {}

awaitable<std::optional<LocalActor>> ActorService::local(std::string username) {
  co_return co_await db_.read([&](db::Tx& tx) -> std::optional<LocalActor> {
    auto account = db::AccountRepository::find_by_acct(tx, username, std::nullopt);
    if (!account || !account->local()) return std::nullopt;
    return LocalActor{*account, db::AccountRepository::public_key_pem(tx, account->id)};
  });
}

}  // namespace lox::services
