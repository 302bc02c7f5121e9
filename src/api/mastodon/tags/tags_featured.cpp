#include "api/mastodon/tags/tag_serializer.hpp"

#include <loxodon/api/mastodon/tags/tags_module.hpp>

namespace lox::api::mastodon {

// The hashtags featured on the user's own profile.
awaitable<http::Response> TagsModule::featured(Call& call) {
  const auto& me = call.user().account;
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : co_await tags_.featured(me.id))
    out.push_back(featured_json(config_, me.username, f));
  co_return http::Response::json(200, out);
}

}  // namespace lox::api::mastodon
