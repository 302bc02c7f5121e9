#include "api/mastodon/custom_emojis/custom_emoji_request.hpp"
#include "api/mastodon/emoji_serializer.hpp"

#include <loxodon/api/mastodon/custom_emojis/custom_emojis_module.hpp>

namespace lox::api::mastodon {

// Adds an emoji; answers with it and who added it (none: an administrator).
awaitable<http::Response> CustomEmojisModule::add(Call& call) {
  auto added =
      co_await emojis_.add(call.user(), new_custom_emoji_from(call.params), administering(call));
  JsonWriter w;
  begin_emoji(w, config_, added.emoji);
  w.field("added_by", added.added_by);
  w.end_object();
  co_return http::Response::json_text(200, w.take());
}

}  // namespace lox::api::mastodon
