#pragma once

#include <loxodon/http/router.hpp>
#include <loxodon/services/funding/payment_webhook_service.hpp>

namespace lox::api::mastodon {

// Where payment providers deliver their webhooks: POST /api/v1/funding/webhooks/stripe (no
// token: the provider's signature over the raw body is the authentication).
class PaymentWebhooksApi {
 public:
  static constexpr std::size_t kMaxBody = 512 * 1024;

  explicit PaymentWebhooksApi(services::PaymentWebhookService& webhooks);
  void add_routes(http::Router& router);

 private:
  services::PaymentWebhookService& webhooks_;
};

}  // namespace lox::api::mastodon
