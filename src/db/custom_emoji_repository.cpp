#include "db/fields.hpp"
#include "db/pg_array.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/custom_emoji_repository.hpp>

#include <nlohmann/json.hpp>

namespace lox::db {

CustomEmojiRepository::Recorded CustomEmojiRepository::upsert_remote(Tx& tx, std::int64_t new_id,
                                                                     const RemoteEmojiRow& row) {
  auto r = tx.work().exec_prepared("custom_emoji_upsert_remote", new_id, row.shortcode, row.domain,
                                   row.uri, row.image_url, row.updated);
  return {r[0][0].as<std::int64_t>(), r[0][1].as<bool>()};
}

void CustomEmojiRepository::set_status_emojis(Tx& tx, std::int64_t status_id,
                                              const std::vector<std::int64_t>& emoji_ids) {
  tx.work().exec_prepared("status_emojis_clear", status_id);
  if (!emoji_ids.empty()) {
    tx.work().exec_prepared("status_emojis_add", status_id, to_pg_bigint_array(emoji_ids));
  }
  tx.work().exec_prepared("status_emojis_flag", status_id, !emoji_ids.empty());
}

void CustomEmojiRepository::set_account_emojis(Tx& tx, std::int64_t account_id,
                                               const std::vector<std::int64_t>& emoji_ids) {
  tx.work().exec_prepared("account_emojis_clear", account_id);
  if (!emoji_ids.empty()) {
    tx.work().exec_prepared("account_emojis_add", account_id, to_pg_bigint_array(emoji_ids));
  }
  tx.work().exec_prepared("account_emojis_flag", account_id, !emoji_ids.empty());
}

std::optional<std::string> CustomEmojiRepository::image_source(Tx& tx, std::int64_t id) {
  auto r = tx.work().exec_prepared("custom_emoji_image_source", id);
  if (r.empty()) return std::nullopt;
  return r[0][0].as<std::string>();
}

std::vector<std::string> CustomEmojiRepository::set_image(Tx& tx, std::int64_t id,
                                                          const std::string& image_key,
                                                          const std::string& static_key) {
  std::vector<std::string> replaced;
  for (const auto& row :
       tx.work().exec_prepared("custom_emoji_set_image", id, image_key, static_key)) {
    for (int i = 0; i < 2; ++i) {
      if (!row[i].is_null()) replaced.push_back(row[i].as<std::string>());
    }
  }
  return replaced;
}

std::vector<domain::CustomEmoji> CustomEmojiRepository::of_status(Tx& tx, std::int64_t status_id) {
  auto r = tx.work().exec_prepared("status_emojis", status_id);
  return r[0][0].is_null() ? std::vector<domain::CustomEmoji>{} : from_json(r[0][0].c_str());
}

std::vector<domain::CustomEmoji> CustomEmojiRepository::from_json(const char* text) {
  std::vector<domain::CustomEmoji> out;
  for (const auto& e : nlohmann::json::parse(text)) {
    domain::CustomEmoji emoji;
    emoji.shortcode = e[0].get<std::string>();
    emoji.image_key = e[1].get<std::string>();
    emoji.static_key = e[2].is_string() ? e[2].get<std::string>() : emoji.image_key;
    emoji.visible_in_picker = e[3].get<bool>();
    if (e[4].is_string()) emoji.category = e[4].get<std::string>();
    out.push_back(std::move(emoji));
  }
  return out;
}

}  // namespace lox::db
