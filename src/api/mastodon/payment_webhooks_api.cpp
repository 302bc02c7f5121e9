#include <loxodon/api/mastodon/payment_webhooks_api.hpp>

namespace lox::api::mastodon {

PaymentWebhooksApi::PaymentWebhooksApi(services::PaymentWebhookService& webhooks)
    : webhooks_(webhooks) {}

void PaymentWebhooksApi::add_routes(http::Router& router) {
  http::RouteOptions options;
  options.max_body_bytes = kMaxBody;
  router.add(
      "POST", "/api/v1/funding/webhooks/stripe",
      [this](http::Request& request) -> awaitable<http::Response> {
        std::string signature(request.header("Stripe-Signature").value_or(""));
        auto outcome = co_await webhooks_.receive_stripe(std::move(signature), request.body);
        const bool duplicate = outcome == services::PaymentWebhookService::Outcome::kDuplicate;
        co_return http::Response::json(200, {{"received", true}, {"duplicate", duplicate}});
      },
      options);
}

}  // namespace lox::api::mastodon
