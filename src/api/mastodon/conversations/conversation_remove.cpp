#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/conversations/conversations_module.hpp>

namespace lox::api::mastodon {

// Removes the conversation from the user's list; its statuses stay.
awaitable<http::Response> ConversationsModule::remove(Call& call) {
  std::int64_t id = path_id(call.request);
  co_await conversations_.remove(call.user().account.id, id);
  co_return http::Response::json_text(200, "{}");
}

}  // namespace lox::api::mastodon
