#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/status_serializer.hpp"

#include <loxodon/api/mastodon/accounts/accounts_module.hpp>

namespace lox::api::mastodon {

// Features (or stops featuring) the account on the user's profile (Mastodon's endorsements).
awaitable<http::Response> AccountsModule::pin(Call& call) {
  auto rel = co_await relationships_.endorse(call.user().account.id, path_id(call.request));
  co_return http::Response::json(200, relationship_json(rel));
}

awaitable<http::Response> AccountsModule::unpin(Call& call) {
  auto rel = co_await relationships_.unendorse(call.user().account.id, path_id(call.request));
  co_return http::Response::json(200, relationship_json(rel));
}

}  // namespace lox::api::mastodon
