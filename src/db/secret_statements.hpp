#pragma once
// Prepared statements of the instance's stored secrets (secret_repository.cpp).

#include "db/statement.hpp"

#include <array>

namespace lox::db::sql {

inline constexpr std::array kSecretStatements = {
    Statement{"secret_insert",
              "INSERT INTO instance_secrets (name, value) VALUES ($1, $2) "
              "ON CONFLICT (name) DO NOTHING"},
    Statement{"secret_get", "SELECT value FROM instance_secrets WHERE name = $1"},
};

}  // namespace lox::db::sql
