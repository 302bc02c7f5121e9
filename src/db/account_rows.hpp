#pragma once
// Reading the account and user columns the statements select (LOX_ACCOUNT_COLUMNS in
// db/sql_fragments.hpp, LOX_USER_COLUMNS in db/account_statements.hpp): the account
// repository reads them, and the status repository reads a status view's author the same way.

#include <loxodon/domain/account.hpp>

#include <pqxx/pqxx>

namespace lox::db {

// How many columns LOX_ACCOUNT_COLUMNS selects: where a row's user or status-view columns start.
inline constexpr int kAccountColumnCount = 26;

domain::Account read_account(const pqxx::row& row, int offset = 0);
domain::User read_user(const pqxx::row& row, int offset = kAccountColumnCount);
domain::UserWithAccount read_user_with_account(const pqxx::row& row);

}  // namespace lox::db
