#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/domain/instance.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace lox::db {

using domain::InstanceRule;
using domain::InstanceStats;

class InstanceRepository {
 public:
  static InstanceStats stats(Tx& tx);
  static std::vector<InstanceRule> rules(Tx& tx);
  static std::vector<std::string> peers(Tx& tx);
  static void ping(Tx& tx);
};

}  // namespace lox::db
