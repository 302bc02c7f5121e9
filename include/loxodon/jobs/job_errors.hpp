#pragma once

#include <stdexcept>
#include <string>

namespace lox::jobs {

// Thrown by a handler when trying again cannot help (a 4xx from a remote inbox, a payload that
// names something deleted): the job is discarded at once.
class PermanentError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Thrown by a handler to ask for a retry with backoff. Any other exception is treated the same.
class RetryableError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace lox::jobs
