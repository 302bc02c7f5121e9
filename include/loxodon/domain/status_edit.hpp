#pragma once

#include <chrono>
#include <string>

namespace lox::domain {

// One version of an edited status, as its edit history shows it.
struct StatusEdit {
  std::string text;
  std::string spoiler_text;
  std::string content;
  bool sensitive = false;
  std::chrono::system_clock::time_point created_at{};
};

}  // namespace lox::domain
