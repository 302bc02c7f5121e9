#include <loxodon/services/funding/stripe_provider.hpp>
#include <loxodon/util/json_limits.hpp>
#include <loxodon/util/url_encode.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace lox::services {

using nlohmann::json;

StripeProvider::StripeProvider(const config::Config& config, net::HttpClient& client)
    : config_(config), client_(client) {}

namespace {

// Stripe's answers are small; a list of events at its page size stays well under this.
constexpr std::size_t kMaxResponseBytes = 4 * 1024 * 1024;

// Stripe's messages can quote a masked key ("sk_live_****abcd"); the log keeps the words, not
// anything key-shaped.
std::string without_keys(std::string text) {
  for (const char* prefix : {"sk_", "rk_", "pk_", "whsec_"}) {
    for (auto at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at + 1)) {
      auto end = text.find_first_of(" \t\n\".,;", at);
      text.replace(at, (end == std::string::npos ? text.size() : end) - at, "[key]");
    }
  }
  return text;
}

}  // namespace

awaitable<json> StripeProvider::call(std::string method, std::string path, std::string form,
                                     std::string idempotency_key) {
  net::HttpClientRequest request;
  request.method = method;
  request.url = config_.funding.stripe_api_base + path;
  request.headers = {{"Authorization", "Bearer " + config_.funding.stripe_secret_key},
                     {"Accept", "application/json"},
                     {"Stripe-Version", kApiVersion}};
  if (!idempotency_key.empty()) request.headers.emplace_back("Idempotency-Key", idempotency_key);
  if (method != "GET") {
    request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    request.body = std::move(form);
  }
  request.timeout = std::chrono::seconds(30);
  request.max_response_bytes = kMaxResponseBytes;
  net::HttpClientResponse response;
  try {
    response = co_await client_.send(std::move(request));
  } catch (const net::HttpClientError& e) {
    // The path only: it never carries the key.
    spdlog::warn("Stripe {} {} failed: {}", method, path.substr(0, path.find('?')), e.what());
    throw payments::ProviderError("The payment provider is unavailable; try again later",
                                  payments::ProviderError::Kind::kUnavailable);
  }
  auto body = parse_json_or_discarded(response.body, kMaxJsonDepth, kMaxResponseBytes);
  if (response.status < 200 || response.status >= 300 || !body.is_object()) {
    std::string message = "status " + std::to_string(response.status);
    if (body.is_object() && body.contains("error") && body["error"].is_object() &&
        body["error"].value("message", json()).is_string()) {
      message = body["error"]["message"].get<std::string>();
    }
    // The provider's words go to the log only: they may describe the account or the key.
    spdlog::warn("Stripe {} {} refused: {}", method, path.substr(0, path.find('?')),
                 without_keys(message));
    if (response.status == 400 || response.status == 402) {
      throw payments::ProviderError(
          "The payment provider refused this request (an amount below its minimum, or above "
          "its maximum?)",
          payments::ProviderError::Kind::kRefused);
    }
    throw payments::ProviderError("The payment provider is unavailable; try again later",
                                  payments::ProviderError::Kind::kUnavailable);
  }
  co_return body;
}

awaitable<payments::CheckoutSession> StripeProvider::checkout(payments::CheckoutRequest request) {
  auto body =
      co_await call("POST", "/v1/checkout/sessions", payments::stripe_checkout_form(request));
  payments::CheckoutSession session;
  session.id = body.value("id", json("")).is_string() ? body.value("id", "") : "";
  session.url = body.value("url", json("")).is_string() ? body.value("url", "") : "";
  if (!session.url.starts_with("https://") && !session.url.starts_with("http://")) {
    throw payments::ProviderError("The payment provider gave no checkout address",
                                  payments::ProviderError::Kind::kUnavailable);
  }
  co_return session;
}

awaitable<void> StripeProvider::cancel_at_period_end(std::string subscription_ref) {
  co_await call("POST", "/v1/subscriptions/" + url_encode(subscription_ref),
                "cancel_at_period_end=true");
}

awaitable<void> StripeProvider::refund(std::string payment_ref,
                                       std::optional<std::int64_t> amount_minor,
                                       std::string idempotency_key) {
  // A checkout's payment is a PaymentIntent; anything else recorded as the payment is a charge.
  std::string form =
      (payment_ref.starts_with("pi_") ? "payment_intent=" : "charge=") + url_encode(payment_ref);
  if (amount_minor) form += "&amount=" + std::to_string(*amount_minor);
  co_await call("POST", "/v1/refunds", std::move(form), std::move(idempotency_key));
}

awaitable<std::vector<json>> StripeProvider::events_since(
    std::chrono::system_clock::time_point since) {
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(since.time_since_epoch()).count();
  std::vector<json> events;
  std::string after;
  // Stripe lists newest first, 100 a page; a bound keeps a runaway listing finite.
  for (int page = 0; page < 1000; ++page) {
    std::string path = "/v1/events?limit=100&created%5Bgte%5D=" + std::to_string(seconds);
    if (!after.empty()) path += "&starting_after=" + url_encode(after);
    auto body = co_await call("GET", path, "");
    const json data = body.value("data", json::array());
    if (!data.is_array() || data.empty()) break;
    for (const auto& e : data) events.push_back(e);
    if (!body.value("has_more", false)) break;
    const json& last = data.back();
    if (!last.is_object() || !last.value("id", json()).is_string()) break;
    after = last["id"].get<std::string>();
  }
  std::reverse(events.begin(), events.end());
  co_return events;
}

}  // namespace lox::services
