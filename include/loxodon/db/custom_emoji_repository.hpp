#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/domain/custom_emoji.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lox::db {

// Custom emoji: the remote ones statuses and profiles use, and their copies here.
class CustomEmojiRepository {
 public:
  struct RemoteEmojiRow {
    std::string shortcode;
    std::string domain;
    std::string uri;  // empty when the tag had no id
    std::string image_url;
    std::string updated;
  };
  struct Recorded {
    std::int64_t id = 0;
    bool needs_image = false;  // new, changed, or not copied yet
  };
  static Recorded upsert_remote(Tx& tx, std::int64_t new_id, const RemoteEmojiRow& row);
  // Replaces the emoji a status or an account uses.
  static void set_status_emojis(Tx& tx, std::int64_t status_id,
                                const std::vector<std::int64_t>& emoji_ids);
  static void set_account_emojis(Tx& tx, std::int64_t account_id,
                                 const std::vector<std::int64_t>& emoji_ids);
  // Where a remote emoji's image comes from; nothing for an unknown or local emoji.
  static std::optional<std::string> image_source(Tx& tx, std::int64_t id);
  // Records the copied image and still; returns the keys they replace (empty when none).
  static std::vector<std::string> set_image(Tx& tx, std::int64_t id, const std::string& image_key,
                                            const std::string& static_key);
  // The emoji a status shows (those copied here), in shortcode order.
  static std::vector<domain::CustomEmoji> of_status(Tx& tx, std::int64_t status_id);
  // This server's own emoji. False when the shortcode is taken.
  static bool insert_local(Tx& tx, std::int64_t id, const std::string& shortcode,
                           const std::string& image_key, const std::string& static_key,
                           const std::optional<std::string>& category,
                           std::optional<std::int64_t> account_id);
  static std::vector<domain::LocalEmoji> local(Tx& tx);
  static std::optional<domain::LocalEmoji> find_local(Tx& tx, const std::string& shortcode);
  // The ids of our own emoji with these shortcodes (unknown ones left out).
  static std::vector<std::int64_t> local_ids(Tx& tx, const std::vector<std::string>& shortcodes);
  // Holds the member's row until the transaction ends, so their slot count cannot change.
  static void lock_owner(Tx& tx, std::int64_t account_id);
  // Whether a post or profile of anyone but `account_id` uses the emoji.
  static bool used_by_others(Tx& tx, std::int64_t emoji_id, std::int64_t account_id);
  // How many emoji a member added.
  static std::int64_t owned_count(Tx& tx, std::int64_t account_id);
  // Removes one of our own emoji; returns its files' keys.
  static std::vector<std::string> delete_local(Tx& tx, std::int64_t id);
  // Reads the JSON the view queries return (LOX_EMOJIS_OF).
  static std::vector<domain::CustomEmoji> from_json(const char* text);
};

}  // namespace lox::db
