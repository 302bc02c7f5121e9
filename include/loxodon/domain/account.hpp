#pragma once

#include <loxodon/domain/custom_emoji.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lox::domain {

// How a member's profile page here looks (a plan's `customization`): an accent colour
// ("#rrggbb", lowercase) and a theme: light, dark, or auto (the reader's system setting).
struct ProfileLook {
  std::optional<std::string> accent_color;
  std::string theme = "light";
};

struct ProfileField {
  std::string name;
  std::string value;  // as written (plain text); rendered to HTML for the API
};

inline constexpr std::size_t kMaxProfileFields = 4;
inline constexpr std::size_t kMaxFieldNameLength = 255;
inline constexpr std::size_t kMaxFieldValueLength = 255;
inline constexpr std::size_t kMaxDisplayNameLength = 30;
inline constexpr std::size_t kMaxNoteLength = 500;

// A person or bot, local (domain empty) or remote.
struct Account {
  std::int64_t id = 0;
  std::string username;
  std::optional<std::string> domain;  // nullopt for local accounts
  std::string display_name;
  std::string note;       // source text of the bio
  std::string note_html;  // rendered, safe HTML
  std::vector<ProfileField> fields;
  bool locked = false;
  bool bot = false;
  std::optional<bool> discoverable;
  bool indexable = false;
  bool hide_collections = false;
  // Follower and following counts shown as 0 to everyone else (a plan's privacy tool).
  bool hide_counts = false;
  std::optional<std::string> uri;
  std::optional<std::string> url;
  // The badge of a membership plan the account holds now (shown in `roles`).
  std::optional<std::string> supporter_badge;
  std::chrono::system_clock::time_point created_at{};
  std::optional<std::chrono::system_clock::time_point> last_status_at;
  std::optional<std::chrono::system_clock::time_point> suspended_at;
  std::int64_t statuses_count = 0;
  std::int64_t followers_count = 0;
  std::int64_t following_count = 0;
  std::optional<std::string> avatar_key;  // in the media store; none: the default picture
  std::optional<std::string> header_key;
  // Set when the account moved (Move): the account it moved to, loaded for single-account
  // answers (Mastodon's `moved`, which clients show as a banner on the profile).
  std::optional<std::int64_t> moved_to_account_id;
  std::shared_ptr<const Account> moved_to;
  std::vector<CustomEmoji> emojis;  // used in the name, bio or fields

  bool local() const { return !domain.has_value(); }
};

struct Role {
  std::int64_t id = 0;
  std::string name;
  std::string color;
  bool highlighted = false;
  std::int64_t permissions = 0;
};

// The sign-in side of a local account.
struct User {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::string email;
  std::string password_hash;
  Role role;
  std::optional<std::string> locale;
  bool confirmed = false;
  bool approved = true;
  bool disabled = false;
  std::string default_privacy = "public";
  bool default_sensitive = false;
  std::optional<std::string> default_language;
};

struct UserWithAccount {
  User user;
  Account account;
};

}  // namespace lox::domain
