#include "api/mastodon/conversation_serializer.hpp"
#include "api/mastodon/pagination.hpp"
#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/status_serializer.hpp"

#include <loxodon/api/mastodon/conversations_api.hpp>

namespace lox::api::mastodon {

using nlohmann::json;

ConversationsApi::ConversationsApi(const config::Config& config,
                                   services::ConversationService& conversations)
    : config_(config), conversations_(conversations) {}

void ConversationsApi::add_routes(Endpoints& e) {
  e.add({"GET", "/api/v1/conversations", Access::kUser, {"read:statuses"}},
        [this](Call& c) -> awaitable<http::Response> {
          auto page =
              co_await conversations_.list(c.user().account.id, page_query(c.params, 20, 40));
          json out = json::array();
          for (const auto& item : page.items)
            out.push_back(conversation_json(config_, item, page.statuses));
          http::Response res = http::Response::json(200, out);
          add_link_header(res, c.request, config_, page.cursors);
          co_return res;
        });
  e.add({"POST", "/api/v1/conversations/:id/read", Access::kUser, {"write:conversations"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          auto page = co_await conversations_.mark_read(c.user().account.id, id);
          co_return http::Response::json(
              200, conversation_json(config_, page.items.at(0), page.statuses));
        });
  e.add({"DELETE", "/api/v1/conversations/:id", Access::kUser, {"write:conversations"}},
        [this](Call& c) -> awaitable<http::Response> {
          std::int64_t id = path_id(c.request);
          co_await conversations_.remove(c.user().account.id, id);
          co_return http::Response::json_text(200, "{}");
        });
}

}  // namespace lox::api::mastodon
