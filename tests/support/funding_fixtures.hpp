#pragma once
// What the funding tests share: a tiny real image for uploads, and signed Stripe-style
// webhook deliveries built from an event's type and object.

#include "raw_http.hpp"

#include <loxodon/payments/stripe_signature.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace lox::testing {

// An 8 × 8 PNG.
inline std::string tiny_png() {
  const std::string hex =
      "89504e470d0a1a0a0000000d4948445200000008000000080806000000c40fbe8b0000001249444154789c633861"
      "a3f11f1f6618190a007e118ac1db8c1c3a0000000049454e44ae426082";
  std::string out;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  return out;
}

// A multipart/form-data body (boundary kBoundary): the fields, then `file` as `file_field`
// when one is named.
inline const std::string kBoundary = "loxodonboundary";
inline std::string multipart(const std::vector<std::pair<std::string, std::string>>& fields,
                             const std::string& file_field = "", const std::string& file = "") {
  std::string out;
  for (const auto& [name, value] : fields) {
    out += "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" +
           value + "\r\n";
  }
  if (!file_field.empty()) {
    out += "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + file_field +
           "\"; filename=\"image.png\"\r\nContent-Type: image/png\r\n\r\n" + file + "\r\n";
  }
  return out + "--" + kBoundary + "--\r\n";
}

inline std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A Stripe event envelope around `object`, created now.
inline nlohmann::json stripe_event(const std::string& id, const std::string& type,
                                   nlohmann::json object) {
  return {{"id", id},
          {"object", "event"},
          {"type", type},
          {"created", unix_now()},
          {"data", {{"object", std::move(object)}}}};
}

// POSTs `event` to the webhook endpoint on `port`, signed with `secret` at `at` (default now).
inline std::optional<RawResponse> deliver_stripe(unsigned short port, const nlohmann::json& event,
                                                 const std::string& secret, std::int64_t at = 0) {
  const std::string body = event.dump();
  std::string headers = "Content-Type: application/json\r\nStripe-Signature: " +
                        payments::stripe_signature_header(secret, at ? at : unix_now(), body) +
                        "\r\n";
  return http_request(port, "POST", "/api/v1/funding/webhooks/stripe", headers, body);
}

}  // namespace lox::testing
