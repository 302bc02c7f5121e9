#pragma once

#include <vector>

namespace lox::db {

struct MigrationSource {
  const char* name;  // file name, e.g. "0002_jobs.sql"; the number before '_' orders them
  const char* sql;
};

// migrations/*.sql as compiled into the executable, sorted by name.
const std::vector<MigrationSource>& embedded_migrations();

}  // namespace lox::db
