#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::domain {

// An administrator's appeal for donations, shown as an announcement (see DonationPromptService).
struct DonationPrompt {
  std::int64_t id = 0;
  std::string text;
  std::string content;  // safe HTML
  std::vector<std::string> tags;
  std::chrono::system_clock::time_point starts_at{};
  std::optional<std::chrono::system_clock::time_point> ends_at;
  int min_account_age_days = 30;
  std::optional<int> repeat_days;
  std::string created_by;
  std::chrono::system_clock::time_point created_at{};
};

}  // namespace lox::domain
