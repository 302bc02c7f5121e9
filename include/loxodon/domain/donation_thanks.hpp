#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace lox::domain {

// A donor's opt-in to the public thanks wall.
struct DonationThanks {
  std::int64_t id = 0;
  std::int64_t ledger_entry_id = 0;
  std::optional<std::string> donor_ref;  // a recurring donation's subscription: thanked once
  std::optional<std::string> name;       // none: anonymous
  std::string message;
  bool hidden = false;
  std::chrono::system_clock::time_point donated_at{};
  std::string recurrence = "one_time";
};

// What a donor asked for when they gave: to be thanked by name, anonymously, or not at all.
struct ThanksRequest {
  bool wanted = false;
  std::optional<std::string> name;  // none: anonymous
  std::string message;
};

}  // namespace lox::domain
