#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/tags/tag_serializer.hpp"

#include <loxodon/api/mastodon/tags/tags_module.hpp>

namespace lox::api::mastodon {

// The hashtags featured on another account's profile.
awaitable<http::Response> TagsModule::featured_of_account(Call& call) {
  std::int64_t id = path_id(call.request);
  auto featured = co_await tags_.featured_of(id);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : featured.second) out.push_back(featured_json(config_, featured.first, f));
  co_return http::Response::json(200, out);
}

}  // namespace lox::api::mastodon
