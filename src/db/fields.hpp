#pragma once
// Reading nullable columns. libpqxx 6.4 on Debian lacks std::optional support for most types
// (PQXX_HAVE_OPTIONAL is unset), so NULL handling is spelled out here once.

#include <pqxx/pqxx>

#include <chrono>
#include <optional>

namespace lox::db {

template <class T>
std::optional<T> nullable(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  return f.as<T>();
}

// A time selected as epoch milliseconds ((extract(epoch FROM t) * 1000)::bigint); NULL stays
// empty.
inline std::optional<std::chrono::system_clock::time_point> ms_time(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  return std::chrono::system_clock::time_point(std::chrono::milliseconds(f.as<long long>()));
}

// A time as epoch milliseconds, for statements that take to_timestamp($n::bigint / 1000.0).
inline long long to_ms(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}
// The same for an optional time: NULL when there is none.
inline std::optional<long long> to_ms(
    const std::optional<std::chrono::system_clock::time_point>& t) {
  if (!t) return std::nullopt;
  return to_ms(*t);
}

}  // namespace lox::db
