#include <loxodon/util/error.hpp>
#include <loxodon/util/password.hpp>

#include <sodium.h>

namespace lox {

namespace {
void ensure_sodium() {
  // sodium_init is idempotent and thread-safe; it returns 1 when already initialised.
  if (sodium_init() < 0)
    throw Error(ErrorCode::kInternal, "Internal server error", "sodium_init failed");
}
}  // namespace

std::string hash_password(const std::string& password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw Error(ErrorCode::kInternal, "Internal server error", "crypto_pwhash_str: out of memory");
  }
  return out;
}

bool verify_password(const std::string& password, const std::string& encoded) {
  ensure_sodium();
  return crypto_pwhash_str_verify(encoded.c_str(), password.data(), password.size()) == 0;
}

}  // namespace lox
