#include "credential_rules.hpp"

#include <loxodon/util/html.hpp>

namespace lox::services {

namespace {

constexpr std::size_t kMinPasswordLength = 8;
constexpr std::size_t kMaxPasswordBytes = 72;
constexpr std::size_t kMaxEmailLength = 320;

}  // namespace

bool plausible_email(const std::string& email) {
  auto at = email.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= email.size()) return false;
  if (email.find('@', at + 1) != std::string::npos) return false;
  for (char c : email) {
    if (c == ' ' || c == '<' || c == '>' || c == ',' || c == '\n' || c == '\r' || c == '\t') {
      return false;
    }
  }
  return email.size() <= kMaxEmailLength;
}

void check_password_rules(ValidationErrors& errors, const std::string& password) {
  if (password.size() < kMinPasswordLength) {
    errors.add("password", "Password", "ERR_TOO_SHORT", "is too short (minimum is 8 characters)");
  } else if (password.size() > kMaxPasswordBytes) {
    errors.add("password", "Password", "ERR_TOO_LONG", "is too long (maximum is 72 characters)");
  } else if (!valid_utf8(password)) {
    errors.add("password", "Password", "ERR_INVALID", "is invalid");
  }
}

}  // namespace lox::services
