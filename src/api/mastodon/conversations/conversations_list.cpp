#include "api/mastodon/conversation_serializer.hpp"
#include "api/mastodon/pagination.hpp"

#include <loxodon/api/mastodon/conversations/conversations_module.hpp>

namespace lox::api::mastodon {

// The user's conversations, each with its last status, most recently active first.
awaitable<http::Response> ConversationsModule::list(Call& call) {
  auto page =
      co_await conversations_.list(call.user().account.id, page_request(call.params, 20, 40));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& item : page.items)
    out.push_back(conversation_json(config_, item, page.statuses));
  http::Response res = http::Response::json(200, out);
  add_link_header(res, call.request, config_, page.cursors);
  co_return res;
}

}  // namespace lox::api::mastodon
