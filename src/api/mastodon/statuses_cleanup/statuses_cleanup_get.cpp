#include "api/mastodon/statuses_cleanup/cleanup_policy_serializer.hpp"

#include <loxodon/api/mastodon/statuses_cleanup/statuses_cleanup_module.hpp>

namespace lox::api::mastodon {

awaitable<http::Response> StatusesCleanupModule::get(Call& call) {
  auto policy = co_await cleanup_.policy(call.user().account.id);
  co_return http::Response::json(200, cleanup_policy_json(policy));
}

}  // namespace lox::api::mastodon
