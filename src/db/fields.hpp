#pragma once
// Reading nullable columns. libpqxx 6.4 on Debian lacks std::optional support for most types
// (PQXX_HAVE_OPTIONAL is unset), so NULL handling is spelled out here once.

#include <pqxx/pqxx>

#include <optional>

namespace lox::db {

template <class T>
std::optional<T> nullable(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  return f.as<T>();
}

}  // namespace lox::db
