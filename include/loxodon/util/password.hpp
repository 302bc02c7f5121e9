#pragma once

#include <string>

namespace lox {

// Argon2id through libsodium (crypto_pwhash_str), with its "interactive" cost: about 64 MiB and
// tens of milliseconds, so run it off the io threads. The encoded string carries its parameters,
// so stronger settings later still verify old hashes.
std::string hash_password(const std::string& password);
bool verify_password(const std::string& password, const std::string& encoded);

}  // namespace lox
