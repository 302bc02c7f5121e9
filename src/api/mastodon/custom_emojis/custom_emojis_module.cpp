#include <loxodon/api/mastodon/custom_emojis/custom_emojis_module.hpp>

namespace lox::api::mastodon {

namespace {
// Paths registered for more than one method, written out once.
constexpr char kV1CustomEmojisPath[] = "/api/v1/custom_emojis";

// An uploaded emoji of at most 256 KB, with room for the multipart envelope and fields.
constexpr std::size_t kMaxEmojiBody = 512 * 1024;
}  // namespace

CustomEmojisModule::CustomEmojisModule(const config::Config& config,
                                       services::CustomEmojiService& emojis)
    : config_(config), emojis_(emojis) {}

void CustomEmojisModule::add_routes(Endpoints& e) {
  e.add({"GET", kV1CustomEmojisPath, Access::kPublic, {}, true},
        [this](Call& c) { return list(c); });
  http::RouteOptions upload;
  upload.max_body_bytes = kMaxEmojiBody;
  upload.spool_large_body = true;
  e.add(
      {"POST", kV1CustomEmojisPath, Access::kUser, {"write:accounts"}},
      [this](Call& c) { return add(c); }, upload);
  // The Emoji object our posts' and profiles' tags name by id, as Mastodon serves it.
  e.add({"GET", "/emojis/:shortcode", Access::kPublic, {}},
        [this](Call& c) { return document(c); });
  e.add({"DELETE", "/api/v1/custom_emojis/:shortcode", Access::kUser, {"write:accounts"}},
        [this](Call& c) { return remove(c); });
}

}  // namespace lox::api::mastodon
