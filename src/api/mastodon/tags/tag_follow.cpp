#include "api/mastodon/tags/tag_serializer.hpp"

#include <loxodon/api/mastodon/tags/tags_module.hpp>

namespace lox::api::mastodon {

// Follows (or unfollows) a hashtag: its posts come into the home timeline.
awaitable<http::Response> TagsModule::follow(Call& call) {
  std::string tag_name = std::string(call.request.path_param("name").value_or(""));
  auto tag = co_await tags_.follow(call.user().account.id, tag_name);
  co_return http::Response::json(200, tag_json(config_, tag, true));
}

awaitable<http::Response> TagsModule::unfollow(Call& call) {
  std::string tag_name = std::string(call.request.path_param("name").value_or(""));
  auto tag = co_await tags_.unfollow(call.user().account.id, tag_name);
  co_return http::Response::json(200, tag_json(config_, tag, true));
}

}  // namespace lox::api::mastodon
