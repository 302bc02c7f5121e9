#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lox::payments {

enum class SignatureVerdict {
  kValid,
  kMalformed,     // no t= or no v1= in the header
  kBadSignature,  // no v1 matches any secret
  kStale,         // the signed timestamp is outside the tolerance
};

// Stripe's webhook signature (`Stripe-Signature: t=<unix s>,v1=<hex>[,v1=...][,v0=...]`):
// HMAC-SHA256 of "<t>.<raw body>" under the endpoint's secret, hex. Checked over the raw bytes
// before anything parses them; any v1 may match (several appear while a secret rotates), each
// against every configured secret, in constant time; other schemes are ignored; `now` comes
// from the caller.
SignatureVerdict verify_stripe_signature(std::string_view header, std::string_view raw_body,
                                         const std::vector<std::string>& secrets,
                                         std::chrono::system_clock::time_point now,
                                         std::chrono::seconds tolerance);

// The header a sender computes (the fake provider of the tests, and documentation examples).
std::string stripe_signature_header(const std::string& secret, std::int64_t timestamp,
                                    std::string_view raw_body);

const char* to_string(SignatureVerdict verdict);

}  // namespace lox::payments
