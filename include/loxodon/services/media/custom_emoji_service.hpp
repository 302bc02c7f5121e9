#pragma once

#include <loxodon/config/config.hpp>
#include <loxodon/domain/account.hpp>
#include <loxodon/domain/custom_emoji.hpp>
#include <loxodon/util/asio.hpp>
#include <loxodon/util/snowflake.hpp>

#include <optional>
#include <string>
#include <vector>

namespace lox::db {
class Database;
}

namespace lox::services {

class MediaService;

struct NewCustomEmoji {
  std::string shortcode;
  std::string image;  // the uploaded file's bytes
  std::optional<std::string> category;
};

// This server's own custom emoji, listed at /api/v1/custom_emojis for every app's picker.
// Administrators add as many as they like; members add up to their plan's
// `custom_emoji_slots`, and what they added stays when the membership ends (only new ones
// are refused).
class CustomEmojiService {
 public:
  static constexpr std::size_t kMaxCategory = 50;

  CustomEmojiService(const config::Config& config, db::Database& db, SnowflakeGenerator& ids,
                     MediaService& media);

  awaitable<std::vector<domain::LocalEmoji>> list();
  // 404 for an unknown one.
  awaitable<domain::LocalEmoji> find(std::string shortcode);
  // 422 for a bad or taken shortcode, an image libvips cannot use or over 256 KB, a category
  // over 50 characters, and for a member without a free slot; nothing is stored then.
  // `administrator`: the caller's token carries admin:write; with an administrator's role
  // that adds the instance's own emoji, outside any slot.
  awaitable<domain::LocalEmoji> add(domain::UserWithAccount who, NewCustomEmoji emoji,
                                    bool administrator);
  // By an administrator (role and admin:write), or by the member who added it while no one
  // else's post or profile uses it (422), so an image others' posts show is never swapped.
  // 403 for anyone else, 404 for an unknown one. Posts that used it show its shortcode as
  // text again.
  awaitable<void> remove(domain::UserWithAccount who, std::string shortcode, bool administrator);

 private:
  const config::Config& config_;
  db::Database& db_;
  SnowflakeGenerator& ids_;
  MediaService& media_;
};

}  // namespace lox::services
