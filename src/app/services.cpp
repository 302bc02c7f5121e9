#include <loxodon/app/media_store_factory.hpp>
#include <loxodon/app/services.hpp>
#include <loxodon/payments/manual_provider.hpp>
#include <loxodon/services/funding/stripe_provider.hpp>
#include <loxodon/util/version.hpp>

namespace lox::app {

namespace {
net::HttpClientOptions http_client_options(const config::Config& c) {
  net::HttpClientOptions o;
  o.connector.allow_private_addresses = c.allow_private_addresses;
  o.user_agent = "Loxodon/" + std::string(kLoxodonVersion) + " (+" + c.base_url() + "/)";
  return o;
}
std::unique_ptr<payments::PaymentProvider> make_payment_provider(const config::Config& c,
                                                                 net::HttpClient& client) {
  if (c.funding.stripe_secret_key.empty()) return std::make_unique<payments::ManualProvider>();
  return std::make_unique<services::StripeProvider>(c, client);
}
}  // namespace

Services::Services(const config::Config& c, db::Database& d, asio::thread_pool& b, Metrics* metrics)
    : config(c),
      db(d),
      blocking(b),
      id_lease(d, ids),
      api_limits(c.rate_limits.requests_per_window, c.rate_limits.window),
      shared_limits(d, api_limits, c.rate_limits.sync_interval),
      http_client(http_client_options(c)),
      mailer(c),
      recent_writes(c.database.read_your_writes),
      fetcher(c, http_client, secrets.actor_private_key_pem, signatures),
      resolver(c, d, http_client, fetcher, ids),
      instance(d),
      health(d),
      accounts(c, d, b, ids, mailer, recent_writes),
      auth(c, d, b, ids),
      reader(d, recent_writes),
      statuses(c, d, ids, reader),
      interactions(c, d, ids, reader),
      timelines(d, reader, recent_writes),
      markers(d),
      polls(c, d, ids, reader),
      fan_out(c, d, ids),
      notify(d, ids),
      poll_jobs(c, d),
      relationships(c, d, ids),
      reports(c, d, ids, mailer, reader),
      ledger(c, d, ids),
      memberships(c, d, ids),
      thanks(d),
      funding(c, d, ids, thanks),
      payment_webhooks(c, d, ids),
      notifications(d, reader),
      media_store(make_media_store(c)),
      media(c, d, ids, *media_store, b, http_client, metrics),
      inbox(c, d, fetcher, resolver, relationships, reports, ids),
      lists(d, ids, reader, recent_writes),
      search(c, d, reader, resolver, inbox),
      tags(d, ids),
      conversations(d, reader),
      scheduled(c, d, ids, statuses),
      statuses_cleanup(c, d, statuses),
      filters(d, ids, reader),
      custom_emojis(c, d, ids, media),
      cards(c, d, http_client, media, ids),
      sponsors(c, d, ids, media),
      donation_prompts(c, d, ids),
      announcements(c, d, ids),
      announcement_feed(c, announcements, donation_prompts, sponsors),
      streaming(d, reader, notifications, conversations, announcements, auth),
      actors(c, d, reader, timelines),
      deliveries(c, d, http_client, signatures, metrics),
      delivery_health(d),
      payment_provider(make_payment_provider(c, http_client)),
      checkout(c, d, *payment_provider, payment_webhooks),
      mail(c, b),
      maintenance(c, d, media, statuses_cleanup) {}

}  // namespace lox::app
