#include "api/mastodon/lists/list_serializer.hpp"

#include <loxodon/api/mastodon/lists/lists_module.hpp>

namespace lox::api::mastodon {

// All of the user's lists.
awaitable<http::Response> ListsModule::list(Call& call) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& l : co_await lists_.lists(call.user().account.id)) out.push_back(list_json(l));
  co_return http::Response::json(200, out);
}

}  // namespace lox::api::mastodon
