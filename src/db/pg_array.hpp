#pragma once
// PostgreSQL text[] literals, for binding lists as one parameter (libpqxx 6.4 has no array
// parameters).

#include <cstdint>
#include <string>
#include <vector>

namespace lox::db {

// {"a","b \"c\""}: every element quoted and escaped.
std::string to_pg_text_array(const std::vector<std::string>& items);
// {1,2,3}
std::string to_pg_bigint_array(const std::vector<std::int64_t>& ids);
// Parses PostgreSQL's bigint[] (or int[]) output.
std::vector<std::int64_t> from_pg_bigint_array(const std::string& text);
// Parses PostgreSQL's text[] output: {a,"b c","d\"e"}.
std::vector<std::string> from_pg_text_array(const std::string& text);

}  // namespace lox::db
