#include "db/pooled_connection.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/migrator.hpp>
#include <loxodon/util/error.hpp>

#include <pqxx/pqxx>

#include <algorithm>
#include <set>

namespace lox::db {

namespace {

// Arbitrary but fixed: the advisory lock key every Loxodon process uses for migrations.
constexpr long long kMigrationLockKey = 0x4c6f786f646f6e;  // "Loxodon"

const char* kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "  name text PRIMARY KEY,"
    "  applied_at timestamptz NOT NULL DEFAULT now())";

std::set<std::string> applied_names(pqxx::connection& conn) {
  pqxx::nontransaction q(conn);
  std::set<std::string> names;
  for (const auto& row : q.exec("SELECT name FROM schema_migrations")) {
    names.insert(row[0].as<std::string>());
  }
  return names;
}

bool table_exists(pqxx::connection& conn) {
  pqxx::nontransaction q(conn);
  return !q.exec1("SELECT to_regclass('schema_migrations')")[0].is_null();
}

template <class F>
auto with_connection(const std::string& url, F f) {
  try {
    pqxx::connection conn(with_connect_timeout(url, std::chrono::seconds(10)));
    return f(conn);
  } catch (const pqxx::broken_connection& e) {
    throw Error(ErrorCode::kServiceUnavailable, "Database unavailable", e.what());
  } catch (const pqxx::failure& e) {
    // Missing privileges, a commit lost in doubt: a clear error, never a crash.
    throw Error(ErrorCode::kInternal, "Database error", e.what());
  }
}

}  // namespace

Migrator::Migrator(std::string database_url, std::vector<MigrationSource> sources)
    : url_(std::move(database_url)), sources_(std::move(sources)) {
  std::sort(sources_.begin(), sources_.end(),
            [](const MigrationSource& a, const MigrationSource& b) {
              return std::string_view(a.name) < std::string_view(b.name);
            });
}

std::vector<std::string> Migrator::pending() const {
  return with_connection(url_, [&](pqxx::connection& conn) {
    std::set<std::string> done;
    if (table_exists(conn)) done = applied_names(conn);
    std::vector<std::string> out;
    for (const auto& m : sources_) {
      if (!done.contains(m.name)) out.emplace_back(m.name);
    }
    return out;
  });
}

std::vector<std::string> Migrator::pending_in(Tx& tx, const std::vector<MigrationSource>& sources) {
  std::set<std::string> done;
  if (!tx.work().exec1("SELECT to_regclass('schema_migrations')")[0].is_null()) {
    for (const auto& row : tx.work().exec("SELECT name FROM schema_migrations")) {
      done.insert(row[0].as<std::string>());
    }
  }
  std::vector<std::string> out;
  for (const auto& m : sources) {
    if (!done.contains(m.name)) out.emplace_back(m.name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> Migrator::apply(const Progress& progress) const {
  return with_connection(url_, [&](pqxx::connection& conn) {
    {
      pqxx::nontransaction lock(conn);
      lock.exec("SELECT pg_advisory_lock(" + std::to_string(kMigrationLockKey) + ")");
    }
    std::vector<std::string> applied;
    try {
      {
        pqxx::nontransaction create(conn);
        create.exec(kCreateTable);
      }
      // Read what is applied only after holding the lock: another process may just have finished.
      std::set<std::string> done = applied_names(conn);
      std::vector<const MigrationSource*> todo;
      for (const auto& m : sources_) {
        if (!done.contains(m.name)) todo.push_back(&m);
      }
      for (std::size_t i = 0; i < todo.size(); ++i) {
        const MigrationSource& m = *todo[i];
        if (progress) progress(m.name, i + 1, todo.size());
        try {
          pqxx::work w(conn);
          w.exec(m.sql);
          w.exec_params("INSERT INTO schema_migrations (name) VALUES ($1)", std::string(m.name));
          w.commit();
        } catch (const pqxx::sql_error& e) {
          throw Error(ErrorCode::kInternal, std::string("migration ") + m.name + " failed",
                      e.what());
        }
        applied.emplace_back(m.name);
      }
    } catch (...) {
      pqxx::nontransaction unlock(conn);
      unlock.exec("SELECT pg_advisory_unlock_all()");
      throw;
    }
    pqxx::nontransaction unlock(conn);
    unlock.exec("SELECT pg_advisory_unlock_all()");
    return applied;
  });
}

}  // namespace lox::db
