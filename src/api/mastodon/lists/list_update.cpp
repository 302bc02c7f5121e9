#include "api/mastodon/lists/list_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/lists/lists_module.hpp>

namespace lox::api::mastodon {

// Changes the title, replies_policy or exclusive flag; what is not sent is kept.
awaitable<http::Response> ListsModule::update(Call& call) {
  std::int64_t id = path_id(call.request);
  auto title = call.params.string("title");
  auto policy = call.params.string("replies_policy");
  auto exclusive = call.params.boolean("exclusive");
  auto l = co_await lists_.update(call.user().account.id, id, title, policy, exclusive);
  co_return http::Response::json(200, list_json(l));
}

}  // namespace lox::api::mastodon
