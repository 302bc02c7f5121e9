#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/status_serializer.hpp"

#include <loxodon/api/mastodon/accounts/accounts_module.hpp>

namespace lox::api::mastodon {

// Mutes, with or without the account's notifications, for `duration` seconds (0: for good).
awaitable<http::Response> AccountsModule::mute(Call& call) {
  auto rel = co_await relationships_.mute(call.user().account.id, path_id(call.request),
                                          call.params.boolean("notifications").value_or(true),
                                          call.params.integer("duration").value_or(0));
  co_return http::Response::json(200, relationship_json(rel));
}

awaitable<http::Response> AccountsModule::unmute(Call& call) {
  auto rel = co_await relationships_.unmute(call.user().account.id, path_id(call.request));
  co_return http::Response::json(200, relationship_json(rel));
}

}  // namespace lox::api::mastodon
