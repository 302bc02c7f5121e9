#include "api/mastodon/account_serializer.hpp"
#include "api/mastodon/pagination.hpp"
#include "api/mastodon/request_ids.hpp"

#include <loxodon/api/mastodon/lists/lists_module.hpp>

namespace lox::api::mastodon {

// The accounts on a list, a page at a time.
awaitable<http::Response> ListsModule::accounts(Call& call) {
  std::int64_t id = path_id(call.request);
  auto members =
      co_await lists_.members(call.user().account.id, id, page_request(call.params, 40, 80));
  nlohmann::json out = nlohmann::json::array();
  std::vector<std::int64_t> cursors;
  for (const auto& a : members) {
    out.push_back(account_json(config_, a));
    cursors.push_back(a.id);
  }
  http::Response res = http::Response::json(200, out);
  add_link_header(res, call.request, config_, cursors);
  co_return res;
}

}  // namespace lox::api::mastodon
