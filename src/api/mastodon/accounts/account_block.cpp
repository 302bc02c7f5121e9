#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/status_serializer.hpp"

#include <loxodon/api/mastodon/accounts/accounts_module.hpp>

namespace lox::api::mastodon {

awaitable<http::Response> AccountsModule::block(Call& call) {
  auto rel = co_await relationships_.block(call.user().account.id, path_id(call.request));
  co_return http::Response::json(200, relationship_json(rel));
}

awaitable<http::Response> AccountsModule::unblock(Call& call) {
  auto rel = co_await relationships_.unblock(call.user().account.id, path_id(call.request));
  co_return http::Response::json(200, relationship_json(rel));
}

}  // namespace lox::api::mastodon
