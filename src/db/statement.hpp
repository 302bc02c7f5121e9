#pragma once
// What a statements file lists: a prepared statement's name and SQL, and the paging macro that
// writes a page's two directions once. Each repository's statements live in
// db/<repository>_statements.hpp; db/all_statements.hpp lists those files.

namespace lox::db::sql {

struct Statement {
  const char* name;
  const char* text;
};

// A page read in Mastodon's two directions, written once: `name` newest first (max_id and
// since_id), `name`_up oldest first from min_id, which the repository reverses
// (db/paged_statement.hpp). `query` is everything before the ORDER BY, `key` the column that
// pages; the limit is $4.
#define LOX_PAGED_STATEMENTS(name, query, key)                              \
  ::lox::db::sql::Statement{name, query " ORDER BY " key " DESC LIMIT $4"}, \
      ::lox::db::sql::Statement {                                           \
    name "_up", query " ORDER BY " key " ASC LIMIT $4"                      \
  }

}  // namespace lox::db::sql
