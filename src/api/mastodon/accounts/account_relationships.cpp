#include "api/mastodon/account_serializer.hpp"
#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/status_serializer.hpp"

#include <loxodon/api/mastodon/accounts/accounts_module.hpp>

namespace lox::api::mastodon {

// The user's relationship to each account asked for (id[]=…).
awaitable<http::Response> AccountsModule::relationships(Call& call) {
  auto ids = id_params(call.params, "id");
  auto rows = co_await relationships_.relationships(call.user().account.id, ids);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : rows) out.push_back(relationship_json(r));
  co_return http::Response::json(200, out);
}

// For each account asked for, the accounts the user follows that follow it too.
awaitable<http::Response> AccountsModule::familiar_followers(Call& call) {
  auto ids = id_params(call.params, "id");
  auto rows = co_await relationships_.familiar_followers(call.user().account.id, ids);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& entry : rows) {
    nlohmann::json accounts = nlohmann::json::array();
    for (const auto& a : entry.second) accounts.push_back(account_json(config_, a));
    out.push_back({{"id", std::to_string(entry.first)}, {"accounts", accounts}});
  }
  co_return http::Response::json(200, out);
}

}  // namespace lox::api::mastodon
