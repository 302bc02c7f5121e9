#pragma once

#include <loxodon/domain/account.hpp>
#include <loxodon/util/asio.hpp>

#include <optional>
#include <string>

namespace lox::db {
class Database;
}

namespace lox::services {

// A local account as other servers see it: the account and its public key.
struct LocalActor {
  domain::Account account;
  std::string public_key_pem;
};

// Looks up the local actors that WebFinger and actor documents describe.
class ActorService {
 public:
  explicit ActorService(db::Database& db);

  // The local account with this username (any case); nothing when there is none.
  awaitable<std::optional<LocalActor>> local(std::string username);

 private:
  db::Database& db_;
};

}  // namespace lox::services
