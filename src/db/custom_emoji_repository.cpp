#include "db/fields.hpp"
#include "db/pg_array.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/custom_emoji_repository.hpp>

#include <nlohmann/json.hpp>

namespace lox::db {

CustomEmojiRepository::Recorded CustomEmojiRepository::upsert_remote(Tx& tx, std::int64_t new_id,
                                                                     const RemoteEmojiRow& row) {
  auto r = tx.exec("custom_emoji_upsert_remote", new_id, row.shortcode, row.domain, row.uri,
                   row.image_url, row.updated);
  return {r[0][0].as<std::int64_t>(), r[0][1].as<bool>()};
}

void CustomEmojiRepository::set_status_emojis(Tx& tx, std::int64_t status_id,
                                              const std::vector<std::int64_t>& emoji_ids) {
  tx.exec("status_emojis_clear", status_id);
  if (!emoji_ids.empty()) {
    tx.exec("status_emojis_add", status_id, to_pg_bigint_array(emoji_ids));
  }
  tx.exec("status_emojis_flag", status_id, !emoji_ids.empty());
}

void CustomEmojiRepository::set_account_emojis(Tx& tx, std::int64_t account_id,
                                               const std::vector<std::int64_t>& emoji_ids) {
  tx.exec("account_emojis_clear", account_id);
  if (!emoji_ids.empty()) {
    tx.exec("account_emojis_add", account_id, to_pg_bigint_array(emoji_ids));
  }
  tx.exec("account_emojis_flag", account_id, !emoji_ids.empty());
}

std::optional<std::string> CustomEmojiRepository::image_source(Tx& tx, std::int64_t id) {
  auto r = tx.exec("custom_emoji_image_source", id);
  if (r.empty()) return std::nullopt;
  return r[0][0].as<std::string>();
}

std::vector<std::string> CustomEmojiRepository::set_image(Tx& tx, std::int64_t id,
                                                          const std::string& image_key,
                                                          const std::string& static_key) {
  std::vector<std::string> replaced;
  for (const auto& row : tx.exec("custom_emoji_set_image", id, image_key, static_key)) {
    for (int i = 0; i < 2; ++i) {
      if (!row[i].is_null()) replaced.push_back(row[i].as<std::string>());
    }
  }
  return replaced;
}

std::vector<domain::CustomEmoji> CustomEmojiRepository::of_status(Tx& tx, std::int64_t status_id) {
  auto r = tx.exec("status_emojis", status_id);
  return r[0][0].is_null() ? std::vector<domain::CustomEmoji>{} : from_json(r[0][0].c_str());
}

namespace {
domain::LocalEmoji read_local(const pqxx::row& row) {
  domain::LocalEmoji e;
  e.id = row[0].as<std::int64_t>();
  e.emoji.shortcode = row[1].as<std::string>();
  e.emoji.image_key = row[2].is_null() ? std::string() : row[2].as<std::string>();
  e.emoji.static_key = row[3].is_null() ? e.emoji.image_key : row[3].as<std::string>();
  e.emoji.visible_in_picker = row[4].as<bool>();
  e.emoji.category = nullable<std::string>(row[5]);
  e.account_id = nullable<std::int64_t>(row[6]);
  e.added_by = nullable<std::string>(row[7]);
  return e;
}
}  // namespace

bool CustomEmojiRepository::insert_local(Tx& tx, std::int64_t id, const std::string& shortcode,
                                         const std::string& image_key,
                                         const std::string& static_key,
                                         const std::optional<std::string>& category,
                                         std::optional<std::int64_t> account_id) {
  return !tx.exec("local_emoji_insert", id, shortcode, image_key, static_key, category, account_id)
              .empty();
}

std::vector<domain::LocalEmoji> CustomEmojiRepository::local(Tx& tx) {
  std::vector<domain::LocalEmoji> out;
  for (const auto& row : tx.exec("local_emojis")) out.push_back(read_local(row));
  return out;
}

std::optional<domain::LocalEmoji> CustomEmojiRepository::find_local(Tx& tx,
                                                                    const std::string& shortcode) {
  auto r = tx.exec("local_emoji_find", shortcode);
  if (r.empty()) return std::nullopt;
  return read_local(r[0]);
}

std::vector<std::int64_t> CustomEmojiRepository::local_ids(
    Tx& tx, const std::vector<std::string>& shortcodes) {
  std::vector<std::int64_t> out;
  if (shortcodes.empty()) return out;
  for (const auto& row : tx.exec("local_emoji_ids", to_pg_text_array(shortcodes))) {
    out.push_back(row[0].as<std::int64_t>());
  }
  return out;
}

bool CustomEmojiRepository::used_by_others(Tx& tx, std::int64_t emoji_id, std::int64_t account_id) {
  return tx.exec("local_emoji_used_by_others", emoji_id, account_id)[0][0].as<bool>();
}

void CustomEmojiRepository::lock_owner(Tx& tx, std::int64_t account_id) {
  tx.exec("local_emoji_owner_lock", account_id);
}

std::int64_t CustomEmojiRepository::owned_count(Tx& tx, std::int64_t account_id) {
  return tx.exec("local_emojis_owned", account_id)[0][0].as<std::int64_t>();
}

std::vector<std::string> CustomEmojiRepository::delete_local(Tx& tx, std::int64_t id) {
  std::vector<std::string> keys;
  for (const auto& row : tx.exec("local_emoji_delete", id)) {
    for (int i = 0; i < 2; ++i) {
      if (!row[i].is_null()) keys.push_back(row[i].as<std::string>());
    }
  }
  return keys;
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
