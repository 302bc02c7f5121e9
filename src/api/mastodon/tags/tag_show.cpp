#include "api/mastodon/request_ids.hpp"
#include "api/mastodon/tags/tag_serializer.hpp"

#include <loxodon/api/mastodon/tags/tags_module.hpp>

namespace lox::api::mastodon {

// One hashtag; with whether the viewer follows and features it when signed in.
awaitable<http::Response> TagsModule::show(Call& call) {
  std::int64_t viewer = viewer_of(call);
  auto tag = co_await tags_.get(std::string(call.request.path_param("name").value_or("")), viewer);
  co_return http::Response::json(200, tag_json(config_, tag, viewer != 0));
}

}  // namespace lox::api::mastodon
