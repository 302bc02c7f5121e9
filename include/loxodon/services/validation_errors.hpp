#pragma once

#include <loxodon/util/error.hpp>

#include <string>
#include <utility>
#include <vector>

namespace lox::services {

// Collects per-field problems and throws them as Mastodon does: 422 with
// "Validation failed: Username has already been taken, ..." and a "details" object whose keys
// are the fields and whose values list {"error": "ERR_TAKEN", "description": "..."}.
class ValidationErrors {
 public:
  // field: API name ("username"); label: as shown in the message ("Username").
  void add(const std::string& field, const std::string& label, const std::string& code,
           const std::string& description);
  bool empty() const { return entries_.empty(); }
  void throw_if_any() const;

 private:
  struct Entry {
    std::string field, label, code, description;
  };
  std::vector<Entry> entries_;
};

// `text` as valid UTF-8 when it is at most `max` characters long; otherwise a 422
// "<label> is too long (maximum is N characters)".
std::string bounded_text(const std::string& text, std::size_t max, const std::string& label);

// A single 422 in the same words ("Validation failed: ..."), for checks that stop at the first
// problem.
inline Error validation_failed(const std::string& message) {
  return Error(ErrorCode::kUnprocessable, "Validation failed: " + message);
}

}  // namespace lox::services
