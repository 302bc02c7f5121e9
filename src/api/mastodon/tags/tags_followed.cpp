#include "api/mastodon/pagination.hpp"
#include "api/mastodon/tags/tag_serializer.hpp"

#include <loxodon/api/mastodon/tags/tags_module.hpp>

namespace lox::api::mastodon {

// The hashtags the user follows, paged by when they were followed.
awaitable<http::Response> TagsModule::followed(Call& call) {
  auto page = co_await tags_.followed(call.user().account.id, page_request(call.params, 100, 200));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& t : page.tags) out.push_back(tag_json(config_, t, true));
  http::Response res = http::Response::json(200, out);
  add_link_header(res, call.request, config_, page.cursors);
  co_return res;
}

}  // namespace lox::api::mastodon
