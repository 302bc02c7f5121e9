#pragma once

#include <loxodon/db/tx.hpp>

#include <pqxx/pqxx>

#include <string>

namespace lox::testing {

// Raw SQL inside a Database::tx closure, for tests that arrange or record state.
pqxx::result exec_sql(db::Tx& tx, const std::string& sql);

}  // namespace lox::testing
