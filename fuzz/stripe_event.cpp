// Fuzzes the Stripe webhook path: POST /webhooks/stripe checks the Stripe-Signature header
// over the raw body (payments::verify_stripe_signature) before anything parses it, and reads
// the event (payments::read_stripe_event) once it holds. The header reaches the checker from
// anyone; the event only from a holder of the webhook secret, but a bug there would still
// lose a payment.
//
// The same input is used three ways:
//   - as an event document (parse_json_or_discarded, as the webhook service parses it);
//   - split at the first '\n' into the Stripe-Signature header and the raw body;
//   - as a body signed here with a timestamp taken from its first 8 bytes: a header the sender
//     computes (stripe_signature_header) must always verify, valid or stale, whatever the
//     timestamp, which reaches the time-window arithmetic no forged header gets past.
#include <loxodon/payments/stripe_event.hpp>
#include <loxodon/payments/stripe_signature.hpp>
#include <loxodon/util/json_limits.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace pay = lox::payments;

const std::vector<std::string> kSecrets = {"whsec_fuzz_old", "whsec_fuzz"};
constexpr std::chrono::seconds kTolerance{300};  // Stripe's default
// 2024-06-01T00:00:00Z: a fixed clock keeps runs reproducible.
const std::chrono::system_clock::time_point kNow{std::chrono::seconds(1717200000)};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  if (auto event = pay::read_stripe_event(lox::parse_json_or_discarded(text))) {
    if (event->type.empty() || event->event_id.empty()) std::abort();
  }

  const auto newline = text.find('\n');
  const std::string_view header = text.substr(0, newline);
  const std::string_view body =
      newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
  (void)pay::to_string(pay::verify_stripe_signature(header, body, kSecrets, kNow, kTolerance));

  if (size >= sizeof(std::int64_t)) {
    std::int64_t timestamp = 0;
    std::memcpy(&timestamp, data, sizeof timestamp);
    const std::string signed_header = pay::stripe_signature_header(kSecrets[1], timestamp, text);
    const auto verdict =
        pay::verify_stripe_signature(signed_header, text, kSecrets, kNow, kTolerance);
    if (verdict != pay::SignatureVerdict::kValid && verdict != pay::SignatureVerdict::kStale) {
      std::abort();
    }
  }
  return 0;
}
