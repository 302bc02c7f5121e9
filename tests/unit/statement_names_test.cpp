// The prepared statements, spread over one statements file per repository, share one namespace
// of names on each connection: a name used twice would make libpqxx refuse the second definition
// and every connection with it, or leave two copies of one statement to drift apart.
#include "statement_names.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace lox::testing {
namespace {

TEST(PreparedStatements, EveryNameIsUsedOnce) {
  std::map<std::string, int> uses;
  for (const auto& name : prepared_statement_names()) ++uses[name];
  for (const auto& [name, count] : uses) EXPECT_EQ(count, 1) << name;
}

TEST(PreparedStatements, AreListed) {
  // A list that lost its files would pass the test above vacuously (there are about 390).
  EXPECT_GT(prepared_statement_names().size(), 300u);
}

}  // namespace
}  // namespace lox::testing
