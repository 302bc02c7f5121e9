#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/funding/ledger_service.hpp>

namespace lox::api::mastodon {

// The funding ledger for administrators: record an entry, reverse one (refund, dispute,
// correction), page through them, export them all as CSV. The routes are listed in
// ledger_module.cpp; each handler lives in a file of its own.
class LedgerModule {
 public:
  LedgerModule(const config::Config& config, services::LedgerService& ledger);
  void add_routes(Endpoints& endpoints);

 private:
  awaitable<http::Response> record(Call& call);
  awaitable<http::Response> reverse(Call& call);
  awaitable<http::Response> list(Call& call);
  awaitable<http::Response> export_csv(Call& call);

  const config::Config& config_;
  services::LedgerService& ledger_;
};

}  // namespace lox::api::mastodon
