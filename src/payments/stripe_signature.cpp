#include <loxodon/payments/stripe_signature.hpp>
#include <loxodon/util/crypto.hpp>

#include <charconv>

namespace lox::payments {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

SignatureVerdict verify_stripe_signature(std::string_view header, std::string_view raw_body,
                                         const std::vector<std::string>& secrets,
                                         std::chrono::system_clock::time_point now,
                                         std::chrono::seconds tolerance) {
  std::string_view timestamp;
  std::vector<std::string> candidates;
  while (!header.empty()) {
    auto comma = header.find(',');
    std::string_view item = trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    auto eq = item.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view key = item.substr(0, eq), value = item.substr(eq + 1);
    if (key == "t") timestamp = value;
    if (key == "v1" && value.size() == 64) candidates.emplace_back(value);
  }
  std::int64_t t = 0;
  auto [end, ec] = std::from_chars(timestamp.data(), timestamp.data() + timestamp.size(), t);
  if (timestamp.empty() || ec != std::errc() || end != timestamp.data() + timestamp.size() ||
      candidates.empty()) {
    return SignatureVerdict::kMalformed;
  }
  // Every secret against every v1, in constant time each, so timing tells nothing of which.
  bool matched = false;
  for (const auto& secret : secrets) {
    if (secret.empty()) continue;
    const std::string expected = stripe_signature_header(secret, t, raw_body)
                                     .substr(std::string("t=" + std::to_string(t) + ",v1=").size());
    for (const auto& candidate : candidates) {
      if (constant_time_equals(expected, candidate)) matched = true;
    }
  }
  if (!matched) return SignatureVerdict::kBadSignature;
  const std::int64_t now_s =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  // Compared without subtracting from `t` (any 64-bit value a sender chose would overflow).
  if (t < now_s - tolerance.count() || t > now_s + tolerance.count()) {
    return SignatureVerdict::kStale;
  }
  return SignatureVerdict::kValid;
}

std::string stripe_signature_header(const std::string& secret, std::int64_t timestamp,
                                    std::string_view raw_body) {
  const std::string signed_payload = std::to_string(timestamp) + "." + std::string(raw_body);
  return "t=" + std::to_string(timestamp) + ",v1=" + hmac_sha256_hex(secret, signed_payload);
}

const char* to_string(SignatureVerdict verdict) {
  switch (verdict) {
    case SignatureVerdict::kValid:
      return "valid";
    case SignatureVerdict::kMalformed:
      return "malformed signature header";
    case SignatureVerdict::kBadSignature:
      return "no signature matches";
    case SignatureVerdict::kStale:
      return "timestamp outside the tolerance";
  }
  return "invalid";
}

}  // namespace lox::payments
