#include <loxodon/db/custom_emoji_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/services/funding/entitlements.hpp>
#include <loxodon/services/funding/ledger_service.hpp>
#include <loxodon/services/media/custom_emoji_service.hpp>
#include <loxodon/services/media/media_service.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>

#include <exception>

namespace lox::services {

namespace {

// Refuses a bad shortcode, category or image (422); an empty category means none.
void check_new_emoji(NewCustomEmoji& emoji) {
  if (!domain::valid_emoji_shortcode(emoji.shortcode)) {
    throw validation_failed("Shortcode must be 2 to 100 letters, digits or underscores");
  }
  if (emoji.category) {
    if (!valid_utf8(*emoji.category) ||
        utf8_length(*emoji.category) > CustomEmojiService::kMaxCategory) {
      throw validation_failed("Category must be at most 50 characters");
    }
    if (emoji.category->empty()) emoji.category.reset();
  }
  if (emoji.image.empty()) throw validation_failed("Image can't be blank");
  if (emoji.image.size() > MediaService::kMaxEmojiBytes) {
    throw validation_failed("Image is too large (maximum is 256 KB)");
  }
}

// The custom emoji a member may still add: their plan's slots less those they hold.
std::int64_t free_emoji_slots(db::Tx& tx, std::int64_t account_id, int grace_days) {
  auto granted = current_entitlements(tx, account_id, grace_days);
  return static_cast<std::int64_t>(granted.custom_emoji_slots.value_or(0)) -
         db::CustomEmojiRepository::owned_count(tx, account_id);
}

}  // namespace

CustomEmojiService::CustomEmojiService(const config::Config& config, db::Database& db,
                                       SnowflakeGenerator& ids, MediaService& media)
    : config_(config), db_(db), ids_(ids), media_(media) {}

awaitable<std::vector<domain::LocalEmoji>> CustomEmojiService::list() {
  co_return co_await db_.read([](db::Tx& tx) { return db::CustomEmojiRepository::local(tx); });
}

awaitable<domain::LocalEmoji> CustomEmojiService::find(std::string shortcode) {
  auto found = co_await db_.read(
      [&](db::Tx& tx) { return db::CustomEmojiRepository::find_local(tx, shortcode); });
  if (!found || found->emoji.image_key.empty()) {
    throw Error(ErrorCode::kNotFound, "Record not found");
  }
  co_return *found;
}

awaitable<domain::LocalEmoji> CustomEmojiService::add(domain::UserWithAccount who,
                                                      NewCustomEmoji emoji, bool administrator) {
  check_new_emoji(emoji);
  const bool admin = administrator && LedgerService::may_manage(who.user);
  const std::int64_t me = who.account.id;
  // The slot check runs again when the row is written, so two uploads at once cannot both
  // take the last slot.
  auto slots_left = [&](db::Tx& tx) {
    return free_emoji_slots(tx, me, config_.funding.grace_days);
  };
  if (!admin) {
    auto left = co_await db_.read(slots_left);
    if (left <= 0) {
      throw validation_failed(
          "No custom emoji slot is free: a membership with custom emoji slots gives some");
    }
  }
  auto stored = co_await media_.store_emoji(std::move(emoji.image));
  if (!stored) throw validation_failed("Image is not an image this server can use");
  domain::LocalEmoji out;
  out.id = ids_.next();
  out.emoji.shortcode = emoji.shortcode;
  out.emoji.image_key = stored->image_key;
  out.emoji.static_key = stored->static_key;
  out.emoji.category = emoji.category;
  if (!admin) {
    out.account_id = me;
    out.added_by = who.account.username;
  }
  std::optional<std::string> refusal;
  std::exception_ptr failure;
  try {
    co_await db_.tx([&](db::Tx& tx) {
      db::CustomEmojiRepository::lock_owner(tx, me);
      if (!admin && slots_left(tx) <= 0) {
        refusal = "No custom emoji slot is free";
        return;
      }
      if (!db::CustomEmojiRepository::insert_local(tx, out.id, out.emoji.shortcode,
                                                   out.emoji.image_key, out.emoji.static_key,
                                                   out.emoji.category, out.account_id)) {
        refusal = "Shortcode has already been taken";
      }
    });
  } catch (...) {
    failure = std::current_exception();  // the files go below: no co_await in a handler
  }
  if (refusal || failure) {
    co_await media_.remove_file(stored->image_key);
    co_await media_.remove_file(stored->static_key);
    if (failure) std::rethrow_exception(failure);
  }
  if (refusal) throw validation_failed(*refusal);
  co_return out;
}

awaitable<void> CustomEmojiService::remove(domain::UserWithAccount who, std::string shortcode,
                                           bool administrator) {
  auto found = co_await db_.read(
      [&](db::Tx& tx) { return db::CustomEmojiRepository::find_local(tx, shortcode); });
  if (!found) throw Error(ErrorCode::kNotFound, "Record not found");
  const bool admin = administrator && LedgerService::may_manage(who.user);
  if (found->account_id != who.account.id && !admin) {
    throw Error(ErrorCode::kForbidden, "This action is not allowed");
  }
  std::optional<std::vector<std::string>> keys;
  co_await db_.tx([&](db::Tx& tx) {
    if (!admin && db::CustomEmojiRepository::used_by_others(tx, found->id, who.account.id)) return;
    keys = db::CustomEmojiRepository::delete_local(tx, found->id);
  });
  if (!keys) {
    throw validation_failed(
        "Other people's posts or profiles use this emoji; an administrator can remove it");
  }
  for (const auto& key : *keys) co_await media_.remove_file(key);
}

}  // namespace lox::services
