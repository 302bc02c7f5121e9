#include "db/tx_impl.hpp"

#include <loxodon/db/instance_repository.hpp>

namespace lox::db {

InstanceStats InstanceRepository::stats(Tx& tx) {
  auto row = tx.exec1("instance_stats");
  return {row[0].as<std::int64_t>(), row[1].as<std::int64_t>(), row[2].as<std::int64_t>(),
          row[3].as<std::int64_t>()};
}

std::vector<InstanceRule> InstanceRepository::rules(Tx& tx) {
  std::vector<InstanceRule> out;
  for (const auto& row : tx.exec("instance_rules")) {
    out.push_back({row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>()});
  }
  return out;
}

void InstanceRepository::ping(Tx& tx) { tx.exec("ping"); }

std::vector<std::string> InstanceRepository::peers(Tx& tx) {
  std::vector<std::string> out;
  for (const auto& row : tx.exec("instance_peers")) {
    out.push_back(row[0].as<std::string>());
  }
  return out;
}

}  // namespace lox::db
