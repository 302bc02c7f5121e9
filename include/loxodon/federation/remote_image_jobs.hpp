#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/jobs/job_kind.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>

namespace lox::federation {

// Images of other servers that are copied into the media store (handled by MediaService):
// remote accounts' avatars and headers, and remote custom emoji.

struct ProfileImagePayload {
  std::int64_t account_id = 0;
  bool header = false;  // the header, else the avatar
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ProfileImagePayload, account_id, header)

struct EmojiImagePayload {
  std::int64_t emoji_id = 0;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(EmojiImagePayload, emoji_id)

inline constexpr jobs::JobKind<ProfileImagePayload> kFetchProfileImageJob{
    "media.fetch_profile_image", "media", "copies a remote account's avatar or header here"};
inline constexpr jobs::JobKind<EmojiImagePayload> kFetchEmojiJob{
    "media.fetch_emoji", "media", "copies a remote custom emoji's image here"};

// Both enqueue in the caller's transaction, once per image while one is pending.
void enqueue_profile_image_fetch(db::Tx& tx, std::int64_t account_id, bool header);
void enqueue_emoji_fetch(db::Tx& tx, std::int64_t emoji_id);

}  // namespace lox::federation
