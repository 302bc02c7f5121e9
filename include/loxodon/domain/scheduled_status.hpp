#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace lox::domain {

// A status waiting to be posted at a chosen time, kept as the post request the client sent.
struct ScheduledStatus {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::chrono::system_clock::time_point scheduled_at;
  std::string params;  // JSON: the post request as the client sent it
  std::optional<std::string> idempotency_key;
};

}  // namespace lox::domain
