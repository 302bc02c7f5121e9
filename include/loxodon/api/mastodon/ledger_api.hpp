#pragma once

#include <loxodon/api/mastodon/endpoints.hpp>
#include <loxodon/config/config.hpp>
#include <loxodon/services/funding/ledger_service.hpp>

namespace lox::api::mastodon {

// The funding ledger for administrators: record an entry, reverse one (refund, dispute,
// correction), page through them, export them all as CSV.
class LedgerApi {
 public:
  LedgerApi(const config::Config& config, services::LedgerService& ledger);
  void add_routes(Endpoints& endpoints);

 private:
  const config::Config& config_;
  services::LedgerService& ledger_;
};

}  // namespace lox::api::mastodon
