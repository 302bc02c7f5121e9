#include "api/mastodon/lists/list_serializer.hpp"

#include <loxodon/api/mastodon/lists/lists_module.hpp>

namespace lox::api::mastodon {

// A new list; replies_policy defaults to "list", as in Mastodon.
awaitable<http::Response> ListsModule::create(Call& call) {
  std::string title = call.params.string_or("title", "");
  std::string policy = call.params.string_or("replies_policy", "list");
  bool exclusive = call.params.boolean("exclusive").value_or(false);
  auto l = co_await lists_.create(call.user().account.id, title, policy, exclusive);
  co_return http::Response::json(200, list_json(l));
}

}  // namespace lox::api::mastodon
