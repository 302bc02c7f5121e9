#include "api/mastodon/emoji_serializer.hpp"

#include <loxodon/activitypub/emoji_documents.hpp>
#include <loxodon/api/mastodon/custom_emoji_api.hpp>

namespace lox::api::mastodon {

using nlohmann::json;

namespace {

// An uploaded emoji of at most 256 KB, with room for the multipart envelope and fields.
constexpr std::size_t kMaxEmojiBody = 512 * 1024;

json local_emojis_json(const config::Config& config,
                       const std::vector<domain::LocalEmoji>& emojis) {
  std::vector<domain::CustomEmoji> plain;
  plain.reserve(emojis.size());
  for (const auto& e : emojis) plain.push_back(e.emoji);
  JsonWriter w;
  w.begin_object();
  write_emojis(w, config, plain);
  w.end_object();
  return json::parse(w.take())["emojis"];
}

// Administrators act as such only through a token granted admin:write (as Mastodon's admin
// API); with another token they are members like any other.
bool administering(const Call& c) { return c.caller && c.caller->scopes.allows("admin:write"); }

}  // namespace

CustomEmojiApi::CustomEmojiApi(const config::Config& config, services::CustomEmojiService& emojis)
    : config_(config), emojis_(emojis) {}

void CustomEmojiApi::add_routes(Endpoints& e) {
  e.add({"GET", "/api/v1/custom_emojis", Access::kPublic, {}, true},
        [this](Call&) -> awaitable<http::Response> {
          auto emojis = co_await emojis_.list();
          co_return http::Response::json(200, local_emojis_json(config_, emojis));
        });
  http::RouteOptions upload;
  upload.max_body_bytes = kMaxEmojiBody;
  e.add(
      {"POST", "/api/v1/custom_emojis", Access::kUser, {"write:accounts"}},
      [this](Call& c) -> awaitable<http::Response> {
        services::NewCustomEmoji emoji;
        emoji.shortcode = c.params.string_or("shortcode", "");
        if (const auto* file = c.params.file("image")) emoji.image = file->data;
        emoji.category = c.params.string("category");
        auto added = co_await emojis_.add(c.user(), std::move(emoji), administering(c));
        json out = local_emojis_json(config_, {added})[0];
        out["added_by"] = added.added_by ? json(*added.added_by) : json(nullptr);
        co_return http::Response::json(200, out);
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
