#include "db/tx_impl.hpp"

#include <loxodon/db/id_node_repository.hpp>

namespace lox::db {

std::optional<int> IdNodeRepository::lease(Tx& tx, const std::string& holder, int seconds) {
  tx.exec("id_node_lock");
  auto r = tx.exec("id_node_lease", holder, seconds);
  if (r.empty()) return std::nullopt;
  return r[0][0].as<int>();
}

bool IdNodeRepository::renew(Tx& tx, int node, const std::string& holder, int seconds) {
  return !tx.exec("id_node_renew", node, holder, seconds).empty();
}

void IdNodeRepository::release(Tx& tx, int node, const std::string& holder) {
  tx.exec("id_node_release", node, holder);
}

}  // namespace lox::db
