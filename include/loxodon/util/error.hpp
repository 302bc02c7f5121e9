#pragma once

#include <stdexcept>
#include <string>

namespace lox {

// What went wrong, in terms a client may see. Each code maps to one HTTP status.
enum class ErrorCode {
  kBadRequest,
  kUnauthorized,
  kForbidden,
  kNotFound,
  kMethodNotAllowed,
  kPayloadTooLarge,
  kUnprocessable,
  kConflict,
  kGone,
  kTooManyRequests,
  kInternal,
  kBadGateway,
  kServiceUnavailable,
};

unsigned http_status(ErrorCode code);

// An error with a message that is safe to show to clients, and an optional internal detail that
// only goes to the log (SQL text, stack of causes). The HTTP boundary renders {"error": message}.
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, std::string public_message, std::string detail = {});

  ErrorCode code() const noexcept { return code_; }
  const std::string& detail() const noexcept { return detail_; }

  // Per-field validation errors as Mastodon 4 sends them in "details" (serialized JSON object,
  // e.g. {"username":[{"error":"ERR_TAKEN","description":"has already been taken"}]}); empty
  // when there are none.
  const std::string& details_json() const noexcept { return details_json_; }
  Error& with_details_json(std::string json) {
    details_json_ = std::move(json);
    return *this;
  }

 private:
  ErrorCode code_;
  std::string detail_;
  std::string details_json_;
};

}  // namespace lox
