#include "db/tx_impl.hpp"

#include <loxodon/db/secret_repository.hpp>

namespace lox::db {

std::string SecretRepository::get_or_insert(Tx& tx, const std::string& name,
                                            const std::string& value) {
  tx.exec("secret_insert", name, value);
  return tx.exec1("secret_get", name)[0].as<std::string>();
}

std::optional<std::string> SecretRepository::get(Tx& tx, const std::string& name) {
  auto r = tx.exec("secret_get", name);
  if (r.empty()) return std::nullopt;
  return r[0][0].as<std::string>();
}

}  // namespace lox::db
