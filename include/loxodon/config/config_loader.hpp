#pragma once

#include <loxodon/config/config.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lox::config {

using Environment = std::map<std::string, std::string>;

// The LOXODON_* variables of this process's environment.
Environment loxodon_environment();

enum class Requirement {
  kDatabaseOnly,  // `migrate` and other maintenance commands
  kServe,         // `serve` also needs a public domain
  kStorageOnly,   // `media migrate`: the media store and bucket, no database
};

// Throws ConfigError naming the first [s3] key that cannot reach a bucket (media_backend = "s3"
// checks it at load; `media migrate --to s3` before switching).
void validate_s3(const S3Config& s3);

// Every dotted key the loader understands, in documentation order.
std::vector<std::string> known_keys();

// Loads the optional TOML file, applies environment overrides and validates the result.
// Throws ConfigError naming the first bad key.
Config load_config(const std::optional<std::string>& toml_path, const Environment& env,
                   Requirement requirement);

}  // namespace lox::config
