#include <loxodon/activitypub/actor_documents.hpp>
#include <loxodon/db/account_repository.hpp>
#include <loxodon/db/custom_emoji_repository.hpp>
#include <loxodon/db/database.hpp>
#include <loxodon/db/delivery_host_repository.hpp>
#include <loxodon/domain/custom_emoji.hpp>
#include <loxodon/domain/username.hpp>
#include <loxodon/federation/delivery.hpp>
#include <loxodon/services/accounts/account_service.hpp>
#include <loxodon/services/funding/entitlements.hpp>
#include <loxodon/services/validation_errors.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>

#include <nlohmann/json.hpp>

namespace lox::services {

namespace {

std::string fields_json(const std::vector<domain::ProfileField>& fields) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : fields) out.push_back({{"name", f.name}, {"value", f.value}});
  return out.dump();
}

void check_text(ValidationErrors& errors, const std::string& text, std::size_t max,
                const char* field, const char* label) {
  if (!valid_utf8(text)) {
    errors.add(field, label, "ERR_INVALID", "is not valid UTF-8");
  } else if (utf8_length(text) > max) {
    errors.add(field, label, "ERR_TOO_LONG",
               "is too long (maximum is " + std::to_string(max) + " characters)");
  }
}

void apply_fields(ValidationErrors& errors, const std::vector<domain::ProfileField>& fields,
                  std::size_t max_fields, domain::Account& a) {
  if (fields.size() > max_fields) {
    errors.add("fields", "Fields", "ERR_TOO_LONG",
               "is too long (maximum is " + std::to_string(max_fields) + " fields)");
  }
  std::vector<domain::ProfileField> kept;
  for (const auto& f : fields) {
    check_text(errors, f.name, domain::kMaxFieldNameLength, "fields", "Field name");
    check_text(errors, f.value, domain::kMaxFieldValueLength, "fields", "Field value");
    if (!f.name.empty() || !f.value.empty()) kept.push_back(f);  // blank rows remove a field
  }
  a.fields = kept;
}

void apply_switches(ValidationErrors& errors, const ProfileUpdate& update,
                    const config::Config& config, const domain::Entitlements& granted,
                    domain::Account& a) {
  if (update.locked) a.locked = *update.locked;
  if (update.bot) a.bot = *update.bot;
  if (update.discoverable) a.discoverable = *update.discoverable;
  if (update.indexable) a.indexable = *update.indexable;
  if (update.hide_collections) a.hide_collections = *update.hide_collections;
  if (update.hide_counts && *update.hide_counts && !a.hide_counts) {
    // Switching it on needs the perk; switching it off never does.
    if (auto refusal = privacy_tool_refusal(config, granted, "hide_counts")) {
      errors.add("hide_counts", "Hide counts", "ERR_INVALID", *refusal);
    }
  }
  if (update.hide_counts) a.hide_counts = *update.hide_counts;
}

// The profile page's look after the update, starting from the saved one.
domain::ProfileLook changed_look(ValidationErrors& errors, const ProfileUpdate& update,
                                 const domain::ProfileLook& saved_look,
                                 const domain::Entitlements& granted) {
  domain::ProfileLook look = saved_look;
  if (update.accent_color) {
    std::string color = domain::lowercase(*update.accent_color);
    bool hex = color.size() == 7 && color[0] == '#' &&
               color.find_first_not_of("0123456789abcdef", 1) == std::string::npos;
    if (color.empty()) {
      look.accent_color.reset();
    } else if (!hex) {
      errors.add("accent_color", "Accent color", "ERR_INVALID", "must be a colour written #rrggbb");
    } else {
      look.accent_color = color;
    }
  }
  if (update.profile_theme) {
    const auto& theme = *update.profile_theme;
    if (theme != "light" && theme != "dark" && theme != "auto") {
      errors.add("profile_theme", "Profile theme", "ERR_INCLUSION", "must be light, dark or auto");
    } else {
      look.theme = theme;
    }
  }
  // Choosing a look needs the perk; keeping the saved one (an app sending the whole profile
  // back) or going back to the instance's never does.
  const bool customised = look.accent_color || look.theme != "light";
  if (customised &&
      (look.accent_color != saved_look.accent_color || look.theme != saved_look.theme)) {
    if (!granted.customization) {
      errors.add(update.accent_color ? "accent_color" : "profile_theme",
                 update.accent_color ? "Accent color" : "Profile theme", "ERR_INVALID",
                 "needs a membership with customization");
    }
  }
  return look;
}

// The defaults for new posts (Mastodon's `source` of the credentials).
void apply_preferences(ValidationErrors& errors, const ProfileUpdate& update, domain::User& u) {
  if (update.privacy) {
    const auto& p = *update.privacy;
    if (p != "public" && p != "unlisted" && p != "private" && p != "direct") {
      errors.add("source[privacy]", "Privacy", "ERR_INCLUSION", "is not included in the list");
    } else {
      u.default_privacy = p;
    }
  }
  if (update.sensitive) u.default_sensitive = *update.sensitive;
  if (update.language) {
    const auto& l = *update.language;
    if (l.empty()) {
      u.default_language.reset();
    } else if (l.size() > 10 || !valid_utf8(l)) {
      errors.add("source[language]", "Language", "ERR_INVALID", "is invalid");
    } else {
      u.default_language = l;
    }
  }
}

db::ProfileRow profile_row(const domain::Account& a) {
  db::ProfileRow row;
  row.display_name = a.display_name;
  row.note = a.note;
  row.note_html = plain_text_to_html(a.note);
  row.fields_json = fields_json(a.fields);
  row.locked = a.locked;
  row.bot = a.bot;
  row.discoverable = a.discoverable;
  row.indexable = a.indexable;
  row.hide_collections = a.hide_collections;
  row.hide_counts = a.hide_counts;
  return row;
}

// Writes the checked profile inside the caller's transaction; nothing when the user is gone.
std::optional<domain::UserWithAccount> save_profile(
    db::Tx& tx, const config::Config& config, const domain::Account& a, const domain::User& u,
    const db::ProfileRow& row, const std::optional<domain::ProfileLook>& look) {
  db::AccountRepository::update_profile(tx, a.id, row);
  if (look) db::AccountRepository::set_profile_look(tx, a.id, *look);
  // Our own emoji the name, bio and fields use (a profile has no remote ones).
  std::vector<std::string_view> texts{a.display_name, a.note};
  for (const auto& f : a.fields) {
    texts.push_back(f.name);
    texts.push_back(f.value);
  }
  db::CustomEmojiRepository::set_account_emojis(
      tx, a.id, db::CustomEmojiRepository::local_ids(tx, domain::emoji_shortcodes(texts)));
  db::AccountRepository::update_preferences(tx, u.id, u.default_privacy, u.default_sensitive,
                                            u.default_language);
  auto fresh = db::AccountRepository::user(tx, u.id);
  // The servers that show this profile hear of the change, with the whole new document.
  if (fresh) {
    auto inboxes = db::DeliveryHostRepository::related_inboxes(tx, a.id);
    if (!inboxes.empty()) {
      auto announce_update = activitypub::update_person_activity(
          config, fresh->account, db::AccountRepository::public_key_pem(tx, a.id));
      for (const auto& inbox : inboxes) {
        federation::enqueue_delivery(tx, inbox, announce_update, a.id);
      }
    }
  }
  return fresh;
}

}  // namespace

awaitable<domain::ProfileLook> AccountService::profile_look(std::int64_t account_id) {
  co_return co_await db_.read([&](db::Tx& tx) {
    auto look = db::AccountRepository::profile_look(tx, account_id);
    if (!look || !current_entitlements(tx, account_id, config_.funding.grace_days).customization) {
      return domain::ProfileLook{};
    }
    return *look;
  });
}

awaitable<domain::UserWithAccount> AccountService::update_profile(std::int64_t user_id,
                                                                  ProfileUpdate update) {
  auto current = co_await user(user_id);
  domain::Account a = current.account;
  domain::User u = current.user;
  ValidationErrors errors;
  if (update.display_name) {
    check_text(errors, *update.display_name, domain::kMaxDisplayNameLength, "display_name",
               "Display name");
    a.display_name = *update.display_name;
  }
  if (update.note) {
    check_text(errors, *update.note, domain::kMaxNoteLength, "note", "Note");
    a.note = *update.note;
  }
  // The member's perks and saved look, read once and only when this update needs them: more
  // fields than everyone's, switching a privacy tool on, or a change of look.
  const bool look_changes = update.accent_color || update.profile_theme;
  const bool needs_perks = (update.fields && update.fields->size() > domain::kMaxProfileFields) ||
                           (update.hide_counts && *update.hide_counts && !a.hide_counts) ||
                           look_changes;
  domain::Entitlements granted;
  domain::ProfileLook saved_look;
  if (needs_perks) {
    auto read = co_await db_.read([&](db::Tx& tx) {
      return std::make_pair(
          current_entitlements(tx, a.id, config_.funding.grace_days),
          db::AccountRepository::profile_look(tx, a.id).value_or(domain::ProfileLook{}));
    });
    granted = read.first;
    saved_look = read.second;
  }
  if (update.fields) {
    apply_fields(errors, *update.fields, effective_limits(config_, granted).max_profile_fields, a);
  }
  apply_switches(errors, update, config_, granted, a);
  std::optional<domain::ProfileLook> look;
  if (look_changes) look = changed_look(errors, update, saved_look, granted);
  apply_preferences(errors, update, u);
  errors.throw_if_any();

  db::ProfileRow row = profile_row(a);
  auto updated =
      co_await db_.tx([&](db::Tx& tx) { return save_profile(tx, config_, a, u, row, look); });
  if (!updated) throw Error(ErrorCode::kNotFound, "Record not found");  // deleted meanwhile
  co_return *updated;
}

}  // namespace lox::services
