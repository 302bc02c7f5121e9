#pragma once

#include <string>
#include <vector>

namespace lox::testing {

// The name of every statement a connection prepares (src/db/all_statements.hpp), in the order
// prepared, repeats included: unit tests cannot reach db internals themselves.
std::vector<std::string> prepared_statement_names();

}  // namespace lox::testing
