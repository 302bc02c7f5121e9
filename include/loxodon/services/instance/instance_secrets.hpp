#pragma once

#include <loxodon/db/tx.hpp>

#include <string>

namespace lox::services {

// Secrets the server generates on its first start and keeps in the database, so that a fresh
// install needs no key files and every process sharing the database uses the same keys.
// Never logged.
struct InstanceSecrets {
  std::string session_secret;  // signs session cookies and CSRF tokens
  std::string vapid_private_key_pem;
  std::string vapid_public_key;       // base64url, published in /api/v2/instance
  std::string actor_private_key_pem;  // the instance actor signs federation fetches
  std::string actor_public_key_pem;

  // Reads the secrets, generating and storing whichever are missing (racing processes agree on
  // the first one stored). Run it through Database::tx so key generation happens on the pool.
  static InstanceSecrets load_or_create(db::Tx& tx);
};

}  // namespace lox::services
