#include "web/html.hpp"
#include "web/sponsored_block.hpp"
#include "web/status_html.hpp"

#include <loxodon/services/accounts/auth_service.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/web/profile_pages.hpp>

#include <charconv>

namespace lox::web {

namespace {

constexpr const char* kDark =
    "body{background:#16181d;color:#e6e8ee}main{background:#22252d;box-shadow:none}"
    "a{color:#9ab4ff}th,td,article.status{border-color:#3a3e4a}footer,.acct{color:#9da1ad}";

// The CSS of a look. The colour was checked to be #rrggbb when it was saved.
std::string look_style(const domain::ProfileLook& look) {
  std::string css;
  if (look.theme == "dark") css += kDark;
  if (look.theme == "auto") css += std::string("@media (prefers-color-scheme:dark){") + kDark + "}";
  if (look.accent_color) {
    const std::string& c = *look.accent_color;
    css += "main{border-top:6px solid " + c + "}h1,main a{color:" + c + "}.badge{background:" + c +
           "}";
  }
  return css;
}

std::string count_text(std::int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Someone who opted out of search engines (indexable false, Mastodon's `noindex`) asks them
// to stay away from their pages too, as Mastodon does.
http::Response indexing(const domain::Account& account, http::Response response) {
  if (!account.indexable) response.set_header("X-Robots-Tag", "noindex, noarchive");
  return response;
}

http::Response not_found(const config::Config& config) {
  return page(404, config.instance.title, "Not found", "<p>There is no such page here.</p>");
}

// The id in a status page's path: digits only, nothing else.
std::optional<std::int64_t> whole_number(const std::string& text) {
  std::int64_t id = 0;
  auto parsed = std::from_chars(text.data(), text.data() + text.size(), id);
  if (parsed.ec != std::errc() || parsed.ptr != text.data() + text.size()) return std::nullopt;
  return id;
}

// The top of a profile: avatar, handle, badge, bio, fields and counts.
std::string profile_head(const domain::Account& a, const std::string& acct) {
  std::string body = "<div class=\"profile-head\">";
  if (a.avatar_key) {
    // From our own origin, as the page's img-src 'self' allows, even when apps are sent to a
    // CDN (s3.public_url).
    body += "<img class=\"avatar\" alt=\"\" src=\"" + html_escape(local_media_path(*a.avatar_key)) +
            "\">";
  }
  body += "<div><p class=\"acct\">" + html_escape(acct) + "</p>";
  if (a.supporter_badge)
    body += "<span class=\"badge\">" + html_escape(*a.supporter_badge) + "</span>";
  body += "</div></div>" + a.note_html;  // the bio's HTML was made safe when it was saved
  if (!a.fields.empty()) {
    body += "<table>";
    for (const auto& f : a.fields) {
      body += "<tr><th>" + html_escape(f.name) + "</th><td>" + html_escape(f.value) + "</td></tr>";
    }
    body += "</table>";
  }
  body += "<p>" + count_text(a.statuses_count, "post", "posts");
  if (!a.hide_counts) {
    body += " &middot; " + count_text(a.following_count, "following", "following") + " &middot; " +
            count_text(a.followers_count, "follower", "followers");
  }
  body += "</p><p><small>Follow " + html_escape(acct) +
          " from any Mastodon-compatible app or server.</small></p>";
  return body;
}

}  // namespace

ProfilePages::ProfilePages(const config::Config& config, services::AccountService& accounts,
                           services::StatusReader& statuses, services::TimelineService& timelines)
    : config_(config), accounts_(accounts), statuses_(statuses), timelines_(timelines) {}

awaitable<http::Response> ProfilePages::render(http::Request& request, bool status_page) {
  std::string handle(request.path_param("handle").value_or(""));
  // Only this server's accounts: "@name", never "@name@elsewhere".
  if (handle.size() < 2 || handle[0] != '@' || handle.find('@', 1) != std::string::npos) {
    co_return not_found(config_);
  }
  std::optional<domain::UserWithAccount> found;
  try {
    found = co_await accounts_.user_by_username(handle.substr(1));
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kNotFound) throw;
  }
  if (!found) co_return not_found(config_);
  const domain::Account& a = found->account;
  if (a.suspended_at) {
    co_return page(410, config_.instance.title, "@" + a.username,
                   "<p>This account is suspended.</p>");
  }
  // Accounts not in use yet (unconfirmed, awaiting approval) or disabled have no page.
  if (services::login_blocked_reason(*found)) co_return not_found(config_);
  const std::string style = look_style(co_await accounts_.profile_look(a.id));
  if (status_page) co_return co_await post_page(request, a, style);
  co_return co_await profile_page(a, style);
}

awaitable<http::Response> ProfilePages::post_page(http::Request& request, const domain::Account& a,
                                                  const std::string& style) {
  auto id = whole_number(std::string(request.path_param("id").value_or("")));
  if (!id) co_return not_found(config_);
  std::optional<services::StatusPage> shown;
  try {
    shown = co_await statuses_.get(*id, 0);  // what a signed-out visitor may see
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kNotFound) throw;
  }
  if (!shown || shown->statuses.empty() || shown->statuses[0].status.account_id != a.id ||
      shown->statuses[0].status.reblog_of_id) {
    co_return not_found(config_);
  }
  const std::string name = a.display_name.empty() ? a.username : a.display_name;
  std::string body = status_html(shown->statuses[0]) + "<p><a href=\"" +
                     html_escape(config_.profile_url(a.username)) + "\">More from " +
                     html_escape(name) + "</a></p>";
  co_return indexing(a, page(200, config_.instance.title, name, body, false, style));
}

awaitable<http::Response> ProfilePages::profile_page(const domain::Account& a,
                                                     const std::string& style) {
  const std::string name = a.display_name.empty() ? a.username : a.display_name;
  std::string body = profile_head(a, "@" + a.username + "@" + config_.domain);
  domain::PageRequest query;
  query.limit = kPostsShown;
  auto posts = co_await timelines_.account_statuses(0, a.id, true, false, false, query);
  body += "<section id=\"posts\">";
  if (posts.statuses.empty()) body += "<p>No public posts yet.</p>";
  for (const auto& v : posts.statuses) body += status_html(v);
  body += "</section>";
  co_return indexing(a, page(200, config_.instance.title, name, body, false, style));
}

}  // namespace lox::web
