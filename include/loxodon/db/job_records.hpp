#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace lox::db {

struct NewJob {
  std::string queue = "default";
  std::string kind;
  nlohmann::json payload = nlohmann::json::object();
  int priority = 100;     // lower runs first
  int max_attempts = 17;  // the first try and 16 retries, about 2-3 days with the backoff curve
  std::chrono::seconds delay{0};
  // While a job with the same queue and key is waiting or running, enqueueing another is a no-op.
  std::optional<std::string> dedupe_key;
  // Jobs with the same key run at most RuntimeOptions::per_key_concurrency at a time across all
  // processes (deliveries use the inbox's host:port).
  std::optional<std::string> concurrency_key;
};

struct ClaimedJob {
  std::int64_t id = 0;
  std::string queue;
  std::string kind;
  nlohmann::json payload;
  int attempt = 0;  // 1 on the first run
  int max_attempts = 0;
};

}  // namespace lox::db
