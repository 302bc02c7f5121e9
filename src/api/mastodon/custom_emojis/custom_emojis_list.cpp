#include "api/mastodon/emoji_serializer.hpp"

#include <loxodon/api/mastodon/custom_emojis/custom_emojis_module.hpp>

namespace lox::api::mastodon {

// Mastodon's CustomEmoji list, as every app's picker reads it; the same for every caller.
awaitable<http::Response> CustomEmojisModule::list(Call& /*call*/) {
  auto emojis = co_await emojis_.list();
  JsonWriter w;
  w.begin_array();
  for (const auto& e : emojis) {
    begin_emoji(w, config_, e.emoji);
    w.end_object();
  }
  w.end_array();
  co_return http::Response::json_text(200, w.take());
}

}  // namespace lox::api::mastodon
