#include "api/mastodon/lists/list_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/lists/lists_module.hpp>

namespace lox::api::mastodon {

// One of the user's lists.
awaitable<http::Response> ListsModule::get(Call& call) {
  std::int64_t id = path_id(call.request);
  co_return http::Response::json(200, list_json(co_await lists_.get(call.user().account.id, id)));
}

}  // namespace lox::api::mastodon
