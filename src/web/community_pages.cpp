#include "web/html.hpp"
#include "web/sponsored_block.hpp"

#include <loxodon/util/html.hpp>
#include <loxodon/util/time_format.hpp>
#include <loxodon/web/community_pages.hpp>

namespace lox::web {

namespace {

std::string status_html(const domain::StatusView& v) {
  const auto& a = v.account;
  std::string acct = "@" + a.username + (a.domain ? "@" + *a.domain : "");
  std::string name = a.display_name.empty() ? a.username : a.display_name;
  std::string link = v.status.url.value_or(v.status.uri.value_or(""));
  std::string out = "<article class=\"status\"><p><strong>" + html_escape(name) +
                    "</strong> <small>" + html_escape(acct) + " &middot; ";
  std::string when = format_iso8601_ms(v.status.created_at).substr(0, 16);
  when[10] = ' ';
  if (link.starts_with("https://") || link.starts_with("http://")) {
    out += "<a href=\"" + html_escape(link) + "\" rel=\"noopener noreferrer\">" +
           html_escape(when) + "</a>";
  } else {
    out += html_escape(when);
  }
  out += "</small></p>";
  if (!v.status.spoiler_text.empty()) {
    out += "<details><summary>" + html_escape(v.status.spoiler_text) + "</summary>" +
           v.status.content + "</details>";
  } else {
    out += v.status.content;  // sanitized when it was stored
  }
  if (!v.media.empty()) {
    out += "<p><small>" + std::to_string(v.media.size()) +
           (v.media.size() == 1 ? " attachment" : " attachments") + "</small></p>";
  }
  return out + "</article>";
}

}  // namespace

CommunityPages::CommunityPages(const config::Config& config, services::StatusService& statuses,
                               services::SponsorService& sponsors, services::AuthService& auth)
    : config_(config), statuses_(statuses), sponsors_(sponsors), viewer_(config, auth) {}

void CommunityPages::add_routes(http::Router& r) {
  http::RouteOptions anonymous;  // shows placements: no client address in the log
  anonymous.anonymous_log = true;
  r.add(
      "GET", "/tags/:name", [this](http::Request& req) { return community(req); }, anonymous);
}

awaitable<http::Response> CommunityPages::community(http::Request& req) {
  auto name = services::SponsorService::community_name(req.path_param("name").value_or(""));
  if (!name) co_return page(404, config_.instance.title, "Not found", "<p>No such hashtag.</p>");
  db::TagFilter filter;
  filter.tag = *name;
  db::PageQuery query;
  query.limit = 20;
  auto timeline = co_await statuses_.tag_timeline(0, filter, query);
  auto sponsored = co_await sponsored_html(viewer_, sponsors_, req, "community", *name);

  std::string body = "<p>The latest public posts with #" + html_escape(*name) +
                     " that this instance knows. Follow the hashtag in your app to see more.</p>";
  body += sponsored;
  if (timeline.statuses.empty()) body += "<p>Nothing yet.</p>";
  body += "<section id=\"posts\">";
  for (const auto& v : timeline.statuses) body += status_html(v);
  body += "</section><p><a href=\"/about/sponsors\">Sponsors and disclosure</a></p>";
  co_return page(200, config_.instance.title, "#" + *name, body, true);
}

}  // namespace lox::web
