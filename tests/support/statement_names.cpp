#include "statement_names.hpp"

#include "db/all_statements.hpp"

namespace lox::testing {

std::vector<std::string> prepared_statement_names() {
  std::vector<std::string> out;
  for (const auto& statements : db::sql::kAllStatements)
    for (const auto& statement : statements) out.emplace_back(statement.name);
  return out;
}

}  // namespace lox::testing
