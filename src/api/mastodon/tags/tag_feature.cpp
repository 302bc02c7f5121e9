#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/tags/tag_serializer.hpp"

#include <loxodon/api/mastodon/tags/tags_module.hpp>

namespace lox::api::mastodon {

// Features a hashtag (by name) on the user's profile, or stops featuring one (by its id).
awaitable<http::Response> TagsModule::feature(Call& call) {
  const auto& me = call.user().account;
  auto f = co_await tags_.feature(me.id, call.params.string_or("name", ""));
  co_return http::Response::json(200, featured_json(config_, me.username, f));
}

awaitable<http::Response> TagsModule::unfeature(Call& call) {
  std::int64_t id = path_id(call.request);
  co_await tags_.unfeature(call.user().account.id, id);
  co_return http::Response::json_text(200, "{}");
}

}  // namespace lox::api::mastodon
