#include <loxodon/util/error.hpp>

namespace lox {

unsigned http_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest:
      return 400;
    case ErrorCode::kUnauthorized:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kMethodNotAllowed:
      return 405;
    case ErrorCode::kPayloadTooLarge:
      return 413;
    case ErrorCode::kUnprocessable:
      return 422;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kGone:
      return 410;
    case ErrorCode::kTooManyRequests:
      return 429;
    case ErrorCode::kInternal:
      return 500;
    case ErrorCode::kBadGateway:
      return 502;
    case ErrorCode::kServiceUnavailable:
      return 503;
  }
  return 500;
}

Error::Error(ErrorCode code, std::string public_message, std::string detail)
    : std::runtime_error(std::move(public_message)), code_(code), detail_(std::move(detail)) {}

}  // namespace lox
