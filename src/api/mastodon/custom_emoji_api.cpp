#include "api/mastodon/emoji_serializer.hpp"

#include <loxodon/activitypub/emoji_documents.hpp>
#include <loxodon/api/mastodon/custom_emoji_api.hpp>

namespace lox::api::mastodon {

namespace {

// Paths registered for more than one method, written out once.
constexpr char kV1CustomEmojisPath[] = "/api/v1/custom_emojis";

}  // namespace

using nlohmann::json;

namespace {

// An uploaded emoji of at most 256 KB, with room for the multipart envelope and fields.
constexpr std::size_t kMaxEmojiBody = 512 * 1024;

// Mastodon's CustomEmoji list, as every app's picker reads it.
http::Response emoji_list_response(const config::Config& config,
                                   const std::vector<domain::LocalEmoji>& emojis) {
  JsonWriter w;
  w.begin_array();
  for (const auto& e : emojis) {
    begin_emoji(w, config, e.emoji);
    w.end_object();
  }
  w.end_array();
  return http::Response::json_text(200, w.take());
}

// One emoji just added, with who added it (none: an administrator).
http::Response added_emoji_response(const config::Config& config, const domain::LocalEmoji& e) {
  JsonWriter w;
  begin_emoji(w, config, e.emoji);
  w.field("added_by", e.added_by);
  w.end_object();
  return http::Response::json_text(200, w.take());
}

// Administrators act as such only through a token granted admin:write (as Mastodon's admin
// API); with another token they are members like any other.
bool administering(const Call& c) { return c.caller && c.caller->scopes.allows("admin:write"); }

}  // namespace

CustomEmojiApi::CustomEmojiApi(const config::Config& config, services::CustomEmojiService& emojis)
    : config_(config), emojis_(emojis) {}

void CustomEmojiApi::add_routes(Endpoints& e) {
  e.add({"GET", kV1CustomEmojisPath, Access::kPublic, {}, true},
        [this](Call&) -> awaitable<http::Response> {
          auto emojis = co_await emojis_.list();
          co_return emoji_list_response(config_, emojis);
        });
  http::RouteOptions upload;
  upload.max_body_bytes = kMaxEmojiBody;
  upload.spool_large_body = true;
  e.add(
      {"POST", kV1CustomEmojisPath, Access::kUser, {"write:accounts"}},
      [this](Call& c) -> awaitable<http::Response> {
        services::NewCustomEmoji emoji;
        emoji.shortcode = c.params.string_or("shortcode", "");
        if (const auto* file = c.params.file("image")) emoji.image = file->content.to_string();
        emoji.category = c.params.string("category");
        auto added = co_await emojis_.add(c.user(), std::move(emoji), administering(c));
        co_return added_emoji_response(config_, added);
      },
      upload);
  // The Emoji object our posts' and profiles' tags name by id, as Mastodon serves it.
  e.add({"GET", "/emojis/:shortcode", Access::kPublic, {}},
        [this](Call& c) -> awaitable<http::Response> {
          auto found =
              co_await emojis_.find(std::string(c.request.path_param("shortcode").value_or("")));
          json doc = activitypub::emoji_tag(config_, found.emoji);
          doc["@context"] = "https://www.w3.org/ns/activitystreams";
          auto res = http::Response::json(200, doc);
          res.set_header("Content-Type", "application/activity+json; charset=utf-8");
          co_return res;
        });
  e.add({"DELETE", "/api/v1/custom_emojis/:shortcode", Access::kUser, {"write:accounts"}},
        [this](Call& c) -> awaitable<http::Response> {
          co_await emojis_.remove(c.user(),
                                  std::string(c.request.path_param("shortcode").value_or("")),
                                  administering(c));
          co_return http::Response::json_text(200, "{}");
        });
}

}  // namespace lox::api::mastodon
