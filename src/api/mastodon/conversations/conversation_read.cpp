#include "api/mastodon/conversation_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/conversations/conversations_module.hpp>

namespace lox::api::mastodon {

awaitable<http::Response> ConversationsModule::mark_read(Call& call) {
  std::int64_t id = path_id(call.request);
  auto page = co_await conversations_.mark_read(call.user().account.id, id);
  co_return http::Response::json(200, conversation_json(config_, page.items.at(0), page.statuses));
}

}  // namespace lox::api::mastodon
