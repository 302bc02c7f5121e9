#pragma once

#include <loxodon/db/tx.hpp>

#include <optional>
#include <string>

namespace lox::db {

// Leases of the node numbers that keep ids unique across processes (migrations/0042).
class IdNodeRepository {
 public:
  // The lowest free node, leased to `holder` for `seconds`; nothing when all 63 are held.
  static std::optional<int> lease(Tx& tx, const std::string& holder, int seconds);
  // Extends the lease; false when it had run out or is held by someone else now.
  static bool renew(Tx& tx, int node, const std::string& holder, int seconds);
  static void release(Tx& tx, int node, const std::string& holder);
};

}  // namespace lox::db
