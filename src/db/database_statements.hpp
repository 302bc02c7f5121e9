#pragma once
// The statement the database itself runs: Database::ping_sync's connection check, which
// InstanceRepository::ping runs as well.

#include "db/statement.hpp"

#include <array>

namespace lox::db::sql {

inline constexpr std::array kDatabaseStatements = {
    Statement{"ping", "SELECT 1"},
};

}  // namespace lox::db::sql
