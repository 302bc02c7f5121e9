#include "web/html.hpp"
#include "web/sponsored_block.hpp"
#include "web/status_html.hpp"

#include <loxodon/services/statuses/tag_service.hpp>
#include <loxodon/util/html.hpp>
#include <loxodon/web/community_pages.hpp>

namespace lox::web {

CommunityPages::CommunityPages(const config::Config& config, services::TimelineService& timelines,
                               services::SponsorService& sponsors, services::AuthService& auth)
    : config_(config), timelines_(timelines), sponsors_(sponsors), viewer_(config, auth) {}

void CommunityPages::add_routes(http::Router& r) {
  http::RouteOptions anonymous;  // shows placements: no client address in the log
  anonymous.anonymous_log = true;
  r.add(
      "GET", "/tags/:name", [this](http::Request& req) { return community(req); }, anonymous);
}

awaitable<http::Response> CommunityPages::community(http::Request& req) {
  auto name = services::TagService::normalized(req.path_param("name").value_or(""));
  if (!name) co_return page(404, config_.instance.title, "Not found", "<p>No such hashtag.</p>");
  domain::TagTimelineFilter filter;
  filter.tag = *name;
  domain::PageRequest query;
  query.limit = 20;
  auto timeline = co_await timelines_.tag_timeline(0, filter, query);
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
