#include <loxodon/db/custom_emoji_repository.hpp>
#include <loxodon/federation/remote_emojis.hpp>
#include <loxodon/federation/remote_image_jobs.hpp>

namespace lox::federation {

std::vector<std::int64_t> record_remote_emojis(
    db::Tx& tx, SnowflakeGenerator& ids, const std::string& domain,
    const std::vector<activitypub::RemoteEmoji>& emojis) {
  std::vector<std::int64_t> out;
  for (const auto& emoji : emojis) {
    db::CustomEmojiRepository::RemoteEmojiRow row{emoji.shortcode, domain, emoji.uri,
                                                  emoji.image_url, emoji.updated};
    auto recorded = db::CustomEmojiRepository::upsert_remote(tx, ids.next(), row);
    out.push_back(recorded.id);
    if (!recorded.needs_image) continue;
    enqueue_emoji_fetch(tx, recorded.id);
  }
  return out;
}

}  // namespace lox::federation
