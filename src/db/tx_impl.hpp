#pragma once
// Private to `db`: the only place pqxx types meet the opaque Tx handle.

#include <loxodon/db/tx.hpp>

#include <pqxx/pqxx>

namespace lox::db {

class Tx {
 public:
  explicit Tx(pqxx::transaction_base& work) : work_(work) {}
  pqxx::transaction_base& work() { return work_; }

 private:
  pqxx::transaction_base& work_;
};

}  // namespace lox::db
