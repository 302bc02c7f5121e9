#pragma once

#include <loxodon/db/embedded_migrations.hpp>
#include <loxodon/db/tx.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace lox::db {

// Applies numbered SQL migrations in order, each in its own transaction, recording them in
// schema_migrations. A session advisory lock makes concurrent `loxodon migrate` runs (or several
// servers starting at once) wait for each other instead of applying a file twice.
class Migrator {
 public:
  using Progress =
      std::function<void(const std::string& name, std::size_t index, std::size_t total)>;

  Migrator(std::string database_url, std::vector<MigrationSource> sources);

  // Names of migrations not yet applied, in order.
  std::vector<std::string> pending() const;
  // The same check through a pooled transaction, for a running server.
  static std::vector<std::string> pending_in(Tx& tx, const std::vector<MigrationSource>& sources);
  // Applies every pending migration and returns the names applied (empty when up to date).
  std::vector<std::string> apply(const Progress& progress = {}) const;

 private:
  std::string url_;
  std::vector<MigrationSource> sources_;
};

}  // namespace lox::db
