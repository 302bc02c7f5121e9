#pragma once

#include <loxodon/db/tx.hpp>

#include <optional>
#include <string>

namespace lox::db {

class SecretRepository {
 public:
  // Stores `value` under `name` unless a value exists; either way returns the stored value, so
  // processes racing on first start all end up with the winner's secret.
  static std::string get_or_insert(Tx& tx, const std::string& name, const std::string& value);
  static std::optional<std::string> get(Tx& tx, const std::string& name);
};

}  // namespace lox::db
