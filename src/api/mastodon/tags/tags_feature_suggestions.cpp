#include "api/mastodon/tags/tag_serializer.hpp"

#include <loxodon/api/mastodon/tags/tags_module.hpp>

namespace lox::api::mastodon {

// Hashtags the user posts with and has not featured yet.
awaitable<http::Response> TagsModule::feature_suggestions(Call& call) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& t : co_await tags_.feature_suggestions(call.user().account.id))
    out.push_back(tag_json(config_, t, true));
  co_return http::Response::json(200, out);
}

}  // namespace lox::api::mastodon
