#include "api/mastodon/lists/list_serializer.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/lists/lists_module.hpp>

namespace lox::api::mastodon {

// Which of the user's lists hold the account in the path.
awaitable<http::Response> ListsModule::containing(Call& call) {
  std::int64_t id = path_id(call.request);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& l : co_await lists_.containing(call.user().account.id, id)) {
    out.push_back(list_json(l));
  }
  co_return http::Response::json(200, out);
}

}  // namespace lox::api::mastodon
