#include <loxodon/activitypub/emoji_documents.hpp>
#include <loxodon/api/mastodon/custom_emojis/custom_emojis_module.hpp>

namespace lox::api::mastodon {

// The ActivityPub Emoji object, for servers that fetch the id a post's emoji tag names.
awaitable<http::Response> CustomEmojisModule::document(Call& call) {
  auto found =
      co_await emojis_.find(std::string(call.request.path_param("shortcode").value_or("")));
  nlohmann::json doc = activitypub::emoji_tag(config_, found.emoji);
  doc["@context"] = "https://www.w3.org/ns/activitystreams";
  auto res = http::Response::json(200, doc);
  res.set_header("Content-Type", "application/activity+json; charset=utf-8");
  co_return res;
}

}  // namespace lox::api::mastodon
