#include <loxodon/domain/username.hpp>

#include <algorithm>
#include <array>
#include <cctype>

namespace lox::domain {

namespace {
// Names that would collide with routes, system accounts or impersonate staff (Mastodon's
// ReservedUsernameValidator plus our own paths).
constexpr std::array<std::string_view, 36> kReserved = {
    "admin",     "administrator", "root",       "support",   "help",       "security",
    "moderator", "mod",           "staff",      "system",    "instance",   "loxodon",
    "mastodon",  "owner",         "postmaster", "webmaster", "hostmaster", "abuse",
    "noreply",   "no_reply",      "inbox",      "outbox",    "users",      "user",
    "api",       "oauth",         "auth",       "settings",  "about",      "explore",
    "tags",      "media",         "well_known", "nodeinfo",  "actor",      "sponsors"};
}  // namespace

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_reserved_username(std::string_view username) {
  std::string lower = lowercase(username);
  return std::find(kReserved.begin(), kReserved.end(), lower) != kReserved.end();
}

bool valid_remote_username(std::string_view username) {
  if (username.empty() || username.size() > kMaxRemoteUsernameLength) return false;
  auto word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  // [a-z0-9_]+([.-]+[a-z0-9_]+)*: separators anywhere but at either end.
  if (!word(username.front()) || !word(username.back())) return false;
  return std::all_of(username.begin(), username.end(),
                     [&](char c) { return word(c) || c == '.' || c == '-'; });
}

std::optional<std::string> username_problem(std::string_view username) {
  if (username.empty()) return "can't be blank";
  if (username.size() > kMaxUsernameLength) return "is too long (maximum is 30 characters)";
  for (char c : username) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return "must contain only letters, numbers and underscores";
  }
  if (is_reserved_username(username)) return "is reserved";
  return std::nullopt;
}

}  // namespace lox::domain
