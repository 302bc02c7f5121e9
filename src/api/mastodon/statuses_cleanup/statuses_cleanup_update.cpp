#include "api/mastodon/statuses_cleanup/cleanup_policy_serializer.hpp"
#include "api/mastodon/statuses_cleanup/cleanup_update_params.hpp"

#include <loxodon/api/mastodon/statuses_cleanup/statuses_cleanup_module.hpp>

namespace lox::api::mastodon {

// Changes the fields given; answers with the whole policy as saved.
awaitable<http::Response> StatusesCleanupModule::update(Call& call) {
  auto policy = co_await cleanup_.update(call.user().account.id, cleanup_update_from(call.params));
  co_return http::Response::json(200, cleanup_policy_json(policy));
}

}  // namespace lox::api::mastodon
