#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/payments/stripe_event.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <chrono>
#include <functional>
#include <string>

namespace lox::db {
class Database;
}

namespace lox::services {

// Payment providers' webhooks into the ledger. A delivery is checked over its raw body before
// anything reads it (400 and nothing recorded when the signature, its age or the body is
// wrong), then recorded once by its event id (a repeated delivery is answered 200 and changes
// nothing). Money in (one-time payments, paid invoices) becomes an income entry keyed by the
// payment; refunds and disputes reverse that entry, by what was refunded so far, so repeats
// and reordering never count twice. An event about a payment not seen yet is refused with 503
// and nothing recorded, so the provider delivers it again later.
class PaymentWebhookService {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;
  PaymentWebhookService(const config::Config& config, db::Database& db, SnowflakeGenerator& ids,
                        Clock clock = {});

  enum class Outcome { kRecorded, kDuplicate };
  awaitable<Outcome> receive_stripe(std::string signature_header, std::string raw_body);
  // Applies an event known to be genuine (fetched from the provider's API while reconciling),
  // exactly as a verified webhook: once by its id, with the same 422 and 503 refusals.
  awaitable<Outcome> apply(payments::PaymentEvent event, std::string raw_sha256);

 private:
  const config::Config& config_;
  db::Database& db_;
  SnowflakeGenerator& ids_;
  Clock clock_;
};

}  // namespace lox::services
