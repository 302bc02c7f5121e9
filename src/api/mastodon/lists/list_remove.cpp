#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/lists/lists_module.hpp>

namespace lox::api::mastodon {

// Deletes one of the user's lists.
awaitable<http::Response> ListsModule::remove(Call& call) {
  std::int64_t id = path_id(call.request);
  co_await lists_.remove(call.user().account.id, id);
  co_return http::Response::json_text(200, "{}");
}

}  // namespace lox::api::mastodon
