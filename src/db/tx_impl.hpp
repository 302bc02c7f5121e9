#pragma once
// Private to `db`: the only place pqxx types meet the opaque Tx handle.

#include "db/pooled_connection.hpp"

#include <loxodon/db/tx.hpp>

#include <pqxx/pqxx>

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace lox::db {

// Given to a Tx when statements must not be prepared (a transaction pooler such as PgBouncer
// hands each transaction whichever server connection is free, and a statement prepared on one is
// unknown on the next): they then run by their text. Both ways find a statement's text in the one
// index of db/*_statements.hpp (database.cpp), so this carries nothing.
struct StatementTexts {};

class Tx {
 public:
  // `unprepared` null: statements run as prepared statements of `connection`, each registered
  // there on first use; otherwise each runs by its text with bound parameters (the extended
  // protocol's unnamed statement).
  Tx(pqxx::transaction_base& work, PooledConnection& connection, const StatementTexts* unprepared)
      : work_(work), connection_(connection), unprepared_(unprepared) {}
  pqxx::transaction_base& work() { return work_; }

  // Runs the statement named in db/*_statements.hpp with `args` as $1, $2, ...
  template <class... Args>
  pqxx::result exec(const std::string& name, Args&&... args) {
    if (unprepared_ == nullptr) {
      connection_.register_statement(name);
      return work_.exec_prepared(name, std::forward<Args>(args)...);
    }
    return work_.exec_params(text_of(name), std::forward<Args>(args)...);
  }
  // The same for a statement that returns exactly one row.
  template <class... Args>
  pqxx::row exec1(const std::string& name, Args&&... args) {
    if (unprepared_ == nullptr) {
      connection_.register_statement(name);
      return work_.exec_prepared1(name, std::forward<Args>(args)...);
    }
    return work_.exec_params1(text_of(name), std::forward<Args>(args)...);
  }

 private:
  static std::string text_of(std::string_view name);

  pqxx::transaction_base& work_;
  PooledConnection& connection_;
  const StatementTexts* unprepared_;
};

}  // namespace lox::db
