#include "tx_sql.hpp"

#include "db/tx_impl.hpp"

namespace lox::testing {

pqxx::result exec_sql(db::Tx& tx, const std::string& sql) { return tx.work().exec(sql); }

}  // namespace lox::testing
