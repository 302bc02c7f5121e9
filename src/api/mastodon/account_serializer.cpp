#include "api/mastodon/account_serializer.hpp"

#include "api/mastodon/emoji_serializer.hpp"
#include "api/mastodon/media_serializer.hpp"

#include <loxodon/util/html.hpp>
#include <loxodon/util/http_url.hpp>
#include <loxodon/util/time_format.hpp>

namespace lox::api::mastodon {

using nlohmann::json;

namespace {

std::string acct_of(const config::Config& config, const domain::Account& a) {
  (void)config;
  return a.domain ? a.username + "@" + *a.domain : a.username;
}

// Mastodon publishes only the day an account was created, at midnight UTC.
std::string created_day(std::chrono::system_clock::time_point t) {
  return format_iso8601_ms(std::chrono::floor<std::chrono::days>(t));
}

// last_status_at is a day, as Mastodon publishes it.
std::optional<std::string> last_status_day(
    const std::optional<std::chrono::system_clock::time_point>& t) {
  if (!t) return std::nullopt;
  return format_date(*t);
}

}  // namespace

// The supporter badge's colour (amber): distinct from staff roles' colours.
constexpr const char* kSupporterBadgeColor = "#d97706";

namespace {

void write_fields(JsonWriter& w, const domain::Account& a) {
  w.key("fields");
  w.begin_array();
  for (const auto& f : a.fields) {
    w.begin_object();
    w.field("name", html_escape(f.name));
    // Local values are plain text; remote ones were sanitised to Mastodon's HTML when stored.
    w.field("value", a.domain ? f.value : html_escape(f.value));
    w.null_field("verified_at");
    w.end_object();
  }
  w.end_array();
}

void write_roles(JsonWriter& w, const domain::Account& a) {
  if (a.supporter_badge) {
    // A member's badge, as Mastodon shows highlighted roles on a profile.
    w.key("roles");
    w.begin_array();
    w.begin_object();
    w.field("id", "supporter");
    w.field("name", *a.supporter_badge);
    w.field("color", kSupporterBadgeColor);
    w.end_object();
    w.end_array();
  } else {
    w.empty_array_field("roles");
  }
}

}  // namespace

json role_json(const domain::Role& role) {
  return {{"id", std::to_string(role.id)},
          {"name", role.name},
          {"permissions", std::to_string(role.permissions)},
          {"color", role.color},
          {"highlighted", role.highlighted}};
}

void write_account(JsonWriter& w, const config::Config& config, const domain::Account& a) {
  const std::string base = config.base_url();
  w.begin_object();
  w.field("id", std::to_string(a.id));
  w.field("username", a.username);
  w.field("acct", acct_of(config, a));
  w.field("display_name", a.display_name);
  w.bool_field("locked", a.locked);
  w.bool_field("bot", a.bot);
  w.key("discoverable");
  if (a.discoverable) {
    w.value(*a.discoverable);
  } else {
    w.null();
  }
  w.bool_field("indexable", a.indexable);
  w.bool_field("group", false);
  w.bool_field("hide_collections", a.hide_collections);
  w.bool_field("noindex", !a.indexable);
  w.field("created_at", created_day(a.created_at));
  w.field("note", a.note_html);
  // Only a web address is served as a profile's page (rows stored before addresses were
  // checked may hold anything another server sent).
  const std::string uri = a.uri.value_or(base + "/users/" + a.username);
  w.field("url", a.url && is_http_url(*a.url) ? *a.url : a.uri ? uri : base + "/@" + a.username);
  w.field("uri", uri);
  // Avatars and headers are stills (animated uploads keep their first frame).
  const std::string avatar =
      a.avatar_key ? media_url(config, *a.avatar_key) : base + "/avatars/original/missing.png";
  const std::string header =
      a.header_key ? media_url(config, *a.header_key) : base + "/headers/original/missing.png";
  w.field("avatar", avatar);
  w.field("avatar_static", avatar);
  w.field("header", header);
  w.field("header_static", header);
  // Hidden counts read 0, as Pleroma serves them; the owner sees theirs in verify_credentials.
  w.number_field("followers_count", a.hide_counts ? 0 : a.followers_count);
  w.number_field("following_count", a.hide_counts ? 0 : a.following_count);
  w.number_field("statuses_count", a.statuses_count);
  w.field("last_status_at", last_status_day(a.last_status_at));
  write_emojis(w, config, a.emojis);
  write_fields(w, a);
  write_roles(w, a);
  // Mastodon writes `moved` only for a moved account (and not inside another `moved`).
  if (a.moved_to && !a.moved_to->moved_to) {
    w.key("moved");
    write_account(w, config, *a.moved_to);
  }
  w.end_object();
}

json account_json(const config::Config& config, const domain::Account& a) {
  JsonWriter w;
  write_account(w, config, a);
  return json::parse(w.take());
}

json credential_account_json(const config::Config& config, const domain::UserWithAccount& u) {
  json out = account_json(config, u.account);
  json source_fields = json::array();
  for (const auto& f : u.account.fields) {
    source_fields.push_back({{"name", f.name}, {"value", f.value}, {"verified_at", nullptr}});
  }
  out["source"] = {
      {"privacy", u.user.default_privacy},
      {"sensitive", u.user.default_sensitive},
      {"language", u.user.default_language ? json(*u.user.default_language) : json(nullptr)},
      {"note", u.account.note},
      {"fields", source_fields},
      {"follow_requests_count", 0},
      {"discoverable", u.account.discoverable ? json(*u.account.discoverable) : json(nullptr)},
      {"hide_collections", u.account.hide_collections},
      {"hide_counts", u.account.hide_counts},
      {"indexable", u.account.indexable},
  };
  // The owner always sees their own counts.
  out["followers_count"] = u.account.followers_count;
  out["following_count"] = u.account.following_count;
  out["role"] = role_json(u.user.role);
  json roles = json::array();
  if (u.user.role.highlighted) roles.push_back(role_json(u.user.role));
  if (u.account.supporter_badge) {
    roles.push_back({{"id", "supporter"},
                     {"name", *u.account.supporter_badge},
                     {"permissions", "0"},
                     {"color", kSupporterBadgeColor},
                     {"highlighted", true}});
  }
  if (!roles.empty()) out["roles"] = roles;
  return out;
}

json application_json(const domain::OAuthApplication& app, const std::string& vapid_key) {
  json scopes = json::array();
  std::size_t pos = 0;
  while (pos < app.scopes.size()) {
    auto end = app.scopes.find(' ', pos);
    if (end == std::string::npos) end = app.scopes.size();
    if (end > pos) scopes.push_back(app.scopes.substr(pos, end - pos));
    pos = end + 1;
  }
  std::string joined;
  for (const auto& uri : app.redirect_uris) joined += (joined.empty() ? "" : "\n") + uri;
  return {{"id", std::to_string(app.id)},
          {"name", app.name},
          {"website", app.website ? json(*app.website) : json(nullptr)},
          {"scopes", scopes},
          {"redirect_uri", joined},
          {"redirect_uris", app.redirect_uris},
          {"vapid_key", vapid_key}};
}

json empty_relationship_json(std::int64_t account_id) {
  return {{"id", std::to_string(account_id)},
          {"following", false},
          {"showing_reblogs", false},
          {"notifying", false},
          {"languages", nullptr},
          {"followed_by", false},
          {"blocking", false},
          {"blocked_by", false},
          {"muting", false},
          {"muting_notifications", false},
          {"requested", false},
          {"requested_by", false},
          {"domain_blocking", false},
          {"endorsed", false},
          {"note", ""}};
}

}  // namespace lox::api::mastodon
