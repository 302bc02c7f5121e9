#pragma once

#include <stdexcept>
#include <string>

namespace lox::config {

// A configuration value that cannot be used. `key()` is the dotted TOML key; what() names both the
// key and its environment variable so the one error line tells the operator what to fix.
class ConfigError : public std::runtime_error {
 public:
  ConfigError(std::string key, const std::string& message);
  const std::string& key() const noexcept { return key_; }

 private:
  std::string key_;
};

// "http.max_body_bytes" -> "LOXODON_HTTP_MAX_BODY_BYTES"
std::string env_name_for(const std::string& key);

}  // namespace lox::config
