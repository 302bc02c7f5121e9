#include <loxodon/federation/remote_image_jobs.hpp>

#include <string>

namespace lox::federation {

void enqueue_profile_image_fetch(db::Tx& tx, std::int64_t account_id, bool header) {
  jobs::JobOptions options;
  options.max_attempts = 5;
  options.dedupe_key =
      "profile_image:" + std::to_string(account_id) + (header ? ":header" : ":avatar");
  jobs::enqueue(tx, kFetchProfileImageJob, ProfileImagePayload{account_id, header}, options);
}

void enqueue_emoji_fetch(db::Tx& tx, std::int64_t emoji_id) {
  jobs::JobOptions options;
  options.max_attempts = 5;
  options.dedupe_key = "emoji:" + std::to_string(emoji_id);
  jobs::enqueue(tx, kFetchEmojiJob, EmojiImagePayload{emoji_id}, options);
}

}  // namespace lox::federation
