#pragma once

#include <loxodon/util/metrics.hpp>

#include <chrono>
#include <cstddef>
#include <string>

namespace lox::db {

struct DatabaseOptions {
  std::string url;
  // Where LISTEN and migrations connect: they hold session state (a listening session, a session
  // advisory lock) that a transaction pooler cannot keep. Empty means `url`.
  std::string direct_url;
  std::size_t pool_size = 4;
  std::chrono::milliseconds statement_timeout{5000};
  std::chrono::seconds connect_timeout{5};
  // False behind a transaction pooler (PgBouncer's pool_mode = transaction): statements run by
  // their text instead of as named prepared statements, and nothing is set for the session; the
  // statement timeout is set inside each read-write transaction instead.
  bool prepared_statements = true;

  const std::string& session_url() const { return direct_url.empty() ? url : direct_url; }
  // Pool waits and connections in use; null: not measured.
  Metrics* metrics = nullptr;
};

}  // namespace lox::db
